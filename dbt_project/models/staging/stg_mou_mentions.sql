with source as (
    select * from {{ source('raw', 'mou_mentions') }}
),

renamed as (
    select
        mention_id,
        article_id,
        region_code,
        region_name,
        partner,
        signed_on,
        {{ partial_date('signed_on') }} as signed_on_date,
        kind,
        evidence,
        evidence_start,
        evidence_end
    from source
)

select * from renamed
