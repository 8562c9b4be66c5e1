with source as (
    select * from {{ source('raw', 'articles') }}
),

renamed as (
    select
        article_id,
        canonical_url as url,
        title,
        published_at,
        site_name,
        language,
        text,
        relevant as is_relevant,
        cleaned_at,
        extractor_version,
        extracted_at
    from source
)

select * from renamed
