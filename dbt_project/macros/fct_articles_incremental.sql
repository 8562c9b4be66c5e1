{#
  After an incremental build of fct_articles: delete the rows whose article is no longer a relevant
  article upstream. The loader deletes an article no page links to any more (with its facts and MoUs),
  and re-extraction can turn an article irrelevant; the incremental query only adds and replaces the
  rows of changed articles, so without this the mart would keep both kinds until a full refresh.
  On a full build the table holds only relevant articles already, and nothing is deleted.
#}
{% macro fct_articles_post_hook() -%}
    delete from {{ this }} as t
    where not exists (
        select 1 from {{ ref('stg_articles') }} as a
        where a.is_relevant and a.article_id = t.article_id
    )
{%- endmacro %}
