with islands as (
    select * from {{ ref('int_mou_agreements') }}
),

agreements as (
    select
        region_code,
        partner,
        agreement_number,
        any_value(region_name) as region_name,
        -- the most precise date any report gives, then the earliest
        arg_min(signed_on, (length(coalesce(signed_on, '')) * -1, signed_date, mention_id)) as signed_on,
        min(signed_date) as signed_on_date,
        case when bool_or(kind = 'renewal') then 'renewal' else 'new' end as kind,
        count(distinct article_id) as source_count,
        list(distinct url order by url) as urls,
        list(distinct article_id order by article_id) as article_ids,
        min(published_at) as first_reported_at,
        max(published_at) as last_reported_at,
        arg_min(evidence, (published_at, mention_id)) as evidence
    from islands
    group by region_code, partner, agreement_number
)

select
    md5(region_code || '|' || partner || '|' || cast(signed_on_date as varchar)) as mou_id,
    region_code,
    region_name,
    partner,
    signed_on,
    signed_on_date,
    kind,
    source_count,
    urls,
    article_ids,
    first_reported_at,
    last_reported_at,
    evidence
from agreements
