-- Each province's own latest figures beside its kabupaten/kota's (how many report within the carry
-- window, latest, min, max): one row per province, whether or not the news gave it a figure of its own.
with provinces as (
    select region_code as province_code, region_name as province_name
    from {{ ref('dim_regions') }}
    where region_type = 'provinsi'
),

kabupaten_kota as (
    select province_code, count(*) as kabupaten_kota
    from {{ ref('dim_regions') }}
    where region_type in ('kabupaten', 'kota')
    group by province_code
),

-- the current month of every region's series: values there are within the window or null
current_status as (
    select m.*, d.region_type, d.province_code
    from {{ ref('region_coverage_monthly') }} as m
    inner join {{ ref('dim_regions') }} as d on m.region_code = d.region_code
    qualify row_number() over (partition by m.region_code order by m.month desc) = 1
),

regions as (
    select
        province_code,
        count(uhc_coverage_pct) as regions_reporting_uhc,
        max(uhc_observed_month) filter (where uhc_coverage_pct is not null) as regions_uhc_latest_month,
        min(uhc_coverage_pct) as regions_uhc_min_pct,
        max(uhc_coverage_pct) as regions_uhc_max_pct,
        count(active_participation_pct) as regions_reporting_active,
        max(active_observed_month) filter (where active_participation_pct is not null) as regions_active_latest_month,
        min(active_participation_pct) as regions_active_min_pct,
        max(active_participation_pct) as regions_active_max_pct
    from current_status
    where region_type in ('kabupaten', 'kota')
    group by province_code
)

select
    p.province_code,
    p.province_name,
    coalesce(k.kabupaten_kota, 0) as kabupaten_kota,
    own.uhc_coverage_pct,
    own.uhc_observed_month,
    own.uhc_months_since_observed,
    coalesce(r.regions_reporting_uhc, 0) as regions_reporting_uhc,
    r.regions_uhc_latest_month,
    r.regions_uhc_min_pct,
    r.regions_uhc_max_pct,
    own.active_participation_pct,
    own.active_observed_month,
    own.active_months_since_observed,
    coalesce(r.regions_reporting_active, 0) as regions_reporting_active,
    r.regions_active_latest_month,
    r.regions_active_min_pct,
    r.regions_active_max_pct
from provinces as p
left join kabupaten_kota as k on p.province_code = k.province_code
left join current_status as own on p.province_code = own.region_code
left join regions as r on p.province_code = r.province_code
