with articles as (
    select * from {{ ref('stg_articles') }} where is_relevant
),

urls as (
    select
        article_id,
        list(url order by url) as urls,
        count(*) as url_count,
        min(source) as source
    from {{ ref('stg_article_urls') }}
    group by article_id
),

facts as (
    select article_id, count(*) as fact_count from {{ ref('stg_facts') }} group by article_id
),

mous as (
    select article_id, count(*) as mou_count from {{ ref('stg_mou_mentions') }} group by article_id
)

select
    articles.article_id,
    articles.url,
    urls.source,
    articles.title,
    articles.published_at,
    articles.site_name,
    articles.language,
    coalesce(urls.urls, [articles.url]) as urls,
    coalesce(urls.url_count, 1) as url_count,
    coalesce(facts.fact_count, 0) as fact_count,
    coalesce(mous.mou_count, 0) as mou_count,
    articles.extractor_version,
    articles.cleaned_at
from articles
left join urls on articles.article_id = urls.article_id
left join facts on articles.article_id = facts.article_id
left join mous on articles.article_id = mous.article_id
