-- Reports of the same region and partner whose signing dates lie within a few days of each other are
-- one agreement (two outlets, or a report a day late). Gaps and islands over the signing date.
-- Only mentions that reach the marts count: high confidence or confirmed by an analyst, not rejected.
with mentions as (
    select
        *,
        coalesce(signed_on_date, published_at) as signed_date
    from {{ ref('int_mou_decisions') }}
    where reaches_marts
),

gaps as (
    select
        *,
        signed_date - lag(signed_date) over (partition by region_code, partner order by signed_date, mention_id) as days_since_previous
    from mentions
),

islands as (
    select
        *,
        sum(case when days_since_previous is null or days_since_previous > {{ var('mou_same_agreement_days') }} then 1 else 0 end)
            over (partition by region_code, partner order by signed_date, mention_id rows between unbounded preceding and current row)
            as agreement_number
    from gaps
)

select * from islands
