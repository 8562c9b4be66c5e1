-- Each fact placed in the month it describes. A year-only time ("tahun lalu" → 2024) stands for
-- December of that year when it lies before the publication year, else for the publication month.
with facts as (
    select * from {{ ref('stg_facts') }}
),

articles as (
    select article_id, url, published_at, site_name from {{ ref('stg_articles') }}
),

placed as (
    select
        facts.*,
        articles.url,
        articles.published_at,
        articles.site_name,
        case
            when facts.as_of_precision in ('day', 'month') then date_trunc('month', facts.as_of_date)
            when facts.as_of_precision = 'year' and articles.published_at is not null
                 and year(facts.as_of_date) < year(articles.published_at) then make_date(year(facts.as_of_date), 12, 1)
            when facts.as_of_precision = 'year' and articles.published_at is not null
                 and year(facts.as_of_date) = year(articles.published_at) then date_trunc('month', articles.published_at)
            when facts.as_of_precision = 'year' then make_date(year(facts.as_of_date), 12, 1)
            else date_trunc('month', articles.published_at)
        end::date as observed_month
    from facts
    inner join articles on facts.article_id = articles.article_id
)

select * from placed
