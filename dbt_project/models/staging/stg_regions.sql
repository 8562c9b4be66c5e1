with source as (
    select * from {{ source('raw', 'regions') }}
),

renamed as (
    select
        region_code,
        region_name,
        region_type,
        bare_name,
        province_code,
        province_name,
        aliases
    from source
)

select * from renamed
