-- The latest status of every region in the news: coverage, active participation, gaps to the
-- thresholds the articles cite, last news and latest MoU. A value older than var carry_forward_months
-- is not a status: it is null here (`*_is_stale`), its last value and age beside it.
with latest_month as (
    select *
    from {{ ref('region_coverage_monthly') }}
    qualify row_number() over (partition by region_code order by month desc) = 1
),

news as (
    select region_code, max(published_at) as last_news_at, count(distinct article_id) as article_count
    from (
        select region_code, article_id, published_at from {{ ref('fct_coverage_metrics') }}
        union all
        select region_code, article_id, published_at
        from {{ ref('int_mou_decisions') }}
        where reaches_marts
    )
    group by region_code
),

latest_mou as (
    select region_code, signed_on as latest_mou_signed_on, kind as latest_mou_kind, source_count as latest_mou_source_count
    from {{ ref('fct_mous') }}
    qualify row_number() over (partition by region_code order by signed_on_date desc) = 1
),

regions_in_news as (
    select region_code from news
)

select
    r.region_code,
    d.region_name,
    d.region_type,
    d.province_name,
    m.uhc_coverage_pct,
    m.uhc_observed_month,
    m.uhc_months_since_observed,
    m.uhc_is_stale,
    m.uhc_last_known_pct,
    m.active_participation_pct,
    m.active_observed_month,
    m.active_months_since_observed,
    m.active_is_stale,
    m.active_last_known_pct,
    {{ var('uhc_threshold_pct') }} as uhc_threshold_pct,
    {{ var('active_participation_standard_pct') }} as active_participation_standard_pct,
    round({{ var('uhc_threshold_pct') }} - m.uhc_coverage_pct, 2) as uhc_gap_pct,
    round({{ var('active_participation_standard_pct') }} - m.active_participation_pct, 2) as active_participation_gap_pct,
    m.uhc_coverage_pct >= {{ var('uhc_threshold_pct') }} as is_uhc,
    m.active_participation_pct >= {{ var('active_participation_standard_pct') }} as meets_active_standard,
    n.last_news_at,
    n.article_count,
    mou.latest_mou_signed_on,
    mou.latest_mou_kind,
    mou.latest_mou_source_count
from regions_in_news as r
inner join {{ ref('dim_regions') }} as d on r.region_code = d.region_code
left join latest_month as m on r.region_code = m.region_code
left join news as n on r.region_code = n.region_code
left join latest_mou as mou on r.region_code = mou.region_code
