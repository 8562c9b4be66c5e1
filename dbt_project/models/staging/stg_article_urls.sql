with source as (
    select * from {{ source('raw', 'article_urls') }}
),

renamed as (
    select
        url,
        article_id,
        canonical_url,
        source,
        is_copy as is_syndicated_copy,
        linked_at
    from source
)

select * from renamed
