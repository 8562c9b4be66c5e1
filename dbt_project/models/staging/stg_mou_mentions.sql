with source as (
    select * from {{ source('raw', 'mou_mentions') }}
),

renamed as (
    select
        mention_id,
        mention_key,
        article_id,
        region_code,
        region_name,
        partner,
        signed_on,
        {{ partial_date('signed_on') }} as signed_on_date,
        kind,
        evidence,
        evidence_start,
        evidence_end,
        coalesce(confidence, 'high') as confidence,
        coalesce(decided_by, []) as decided_by,
        review_reason,
        score,
        threshold,
        coalesce(reasons, []) as reasons
    from source
)

select * from renamed
