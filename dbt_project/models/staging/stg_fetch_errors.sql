with source as (
    select * from {{ source('raw', 'fetch_errors') }}
),

renamed as (
    select url, source, status as http_status, error, occurred_at
    from source
)

select * from renamed
