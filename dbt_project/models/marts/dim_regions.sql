select
    region_code,
    region_name,
    region_type,
    bare_name,
    province_code,
    province_name,
    aliases
from {{ ref('stg_regions') }}
