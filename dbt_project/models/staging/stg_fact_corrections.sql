-- The analysts' corrections: the dbt seed fact_corrections, or the CSV that PANTAU_CORRECTIONS names
-- (same columns; a warehouse kept outside the repository, or a test, brings its own decisions).
-- depends_on: {{ ref('fact_corrections') }}
{% set override = env_var('PANTAU_CORRECTIONS', '') %}
with source as (
    {% if override %}
    select * from read_csv('{{ override | replace("'", "''") }}', header = true, all_varchar = true, auto_detect = false,
        columns = {
            'fact_key': 'varchar', 'url': 'varchar', 'region_code': 'varchar', 'metric': 'varchar', 'kind': 'varchar',
            'segment': 'varchar', 'action': 'varchar', 'value': 'varchar', 'note': 'varchar', 'corrected_by': 'varchar',
            'corrected_at': 'varchar'
        })
    {% else %}
    select * from {{ ref('fact_corrections') }}
    {% endif %}
),

cleaned as (
    select
        lower(nullif(trim(fact_key), '')) as fact_key,
        nullif(trim(url), '') as url,
        nullif(trim(region_code), '') as region_code,
        lower(nullif(trim(metric), '')) as metric,
        lower(nullif(trim(kind), '')) as kind,
        lower(nullif(trim(segment), '')) as segment,
        lower(nullif(trim(action), '')) as action,
        try_cast(nullif(trim(cast(value as varchar)), '') as double) as value,
        nullif(trim(note), '') as note,
        nullif(trim(corrected_by), '') as corrected_by,
        try_cast(nullif(trim(cast(corrected_at as varchar)), '') as timestamp) as corrected_at
    from source
)

select
    -- every field of the line: editing a note or a value gives the correction a new id, which is how the
    -- incremental fct_coverage_metrics sees that a row it built must change
    md5(concat_ws('|', coalesce(fact_key, ''), coalesce(url, ''), coalesce(region_code, ''), coalesce(metric, ''),
        coalesce(kind, ''), coalesce(segment, ''), coalesce(action, ''), coalesce(cast(value as varchar), ''),
        coalesce(note, ''), coalesce(corrected_by, ''), coalesce(cast(corrected_at as varchar), ''))) as correction_id,
    metric = 'mou' as is_mou,
    *
from cleaned
