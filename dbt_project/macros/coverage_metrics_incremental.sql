{#
  The incremental build of fct_coverage_metrics. A row must be rebuilt when its article was re-extracted,
  and also when the analysts' decision about it changed: a correction added, edited or removed. The mart
  keeps the correction_id each row was built with, so comparing (fact_id, correction_id) of the rows that
  should be in the mart (int_fact_decisions) with those that are finds every such change, without state
  kept elsewhere. A mart built before these columns existed is emptied and rebuilt once.
#}
{% macro coverage_metrics_is_current(relation) -%}
    {%- if not execute -%}{{ return(true) }}{%- endif -%}
    {%- set columns = adapter.get_columns_in_relation(relation) | map(attribute='name') | list -%}
    {{ return('correction_id' in columns and 'fact_key' in columns) }}
{%- endmacro %}

{% macro coverage_metrics_pre_hook() -%}
    {%- if is_incremental() -%}
        {%- if coverage_metrics_is_current(this) -%}
    delete from {{ this }} as t
    where t.article_id in (
            select article_id from {{ ref('stg_articles') }}
            where extracted_at > (select coalesce(max(extracted_at), timestamptz '1970-01-01') from {{ this }})
        )
        or t.article_id not in (select article_id from {{ ref('stg_articles') }} where is_relevant)
        or not exists (
            select 1 from {{ ref('int_fact_decisions') }} as d
            where d.reaches_marts and d.fact_id = t.fact_id and d.correction_id is not distinct from t.correction_id
        )
        {%- else -%}
    delete from {{ this }}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
