with source as (
    select * from {{ source('raw', 'facts') }}
),

renamed as (
    select
        fact_id,
        fact_key,
        article_id,
        region_code,
        region_name,
        metric,
        kind,
        segment,
        value,
        qualifier,
        as_of,
        {{ partial_date('as_of') }} as as_of_date,
        case length(as_of) when 10 then 'day' when 7 then 'month' when 4 then 'year' end as as_of_precision,
        evidence,
        evidence_start,
        evidence_end,
        extractor_version,
        coalesce(confidence, 'high') as confidence,
        coalesce(decided_by, []) as decided_by,
        review_reason,
        score,
        threshold,
        coalesce(reasons, []) as reasons
    from source
)

select * from renamed
