-- The analysts' corrections, one row per line of the CSV (the seed fact_corrections, or the file
-- PANTAU_CORRECTIONS names), each validated: a line with a `problem` is never applied (the intermediate
-- models read only lines without one), and the tests, the decisions mart and the run summary name it
-- by `line`.
-- depends_on: {{ ref('fact_corrections') }}
{% set corrections_file = corrections_file() %}
with source as (
    -- read as text, the file itself rather than the loaded seed, so each row keeps its place in the file
    select *, row_number() over () + 1 as line
    from read_csv('{{ corrections_file | replace("'", "''") }}', header = true, all_varchar = true, auto_detect = false,
        parallel = false,
        columns = {
            'fact_key': 'varchar', 'url': 'varchar', 'region_code': 'varchar', 'metric': 'varchar', 'kind': 'varchar',
            'segment': 'varchar', 'action': 'varchar', 'value': 'varchar', 'note': 'varchar', 'corrected_by': 'varchar',
            'corrected_at': 'varchar'
        })
),

cleaned as (
    select
        line,
        lower(nullif(trim(fact_key), '')) as fact_key,
        nullif(trim(url), '') as url,
        nullif(trim(region_code), '') as region_code,
        lower(nullif(trim(metric), '')) as metric,
        lower(nullif(trim(kind), '')) as kind,
        lower(nullif(trim(segment), '')) as segment,
        lower(nullif(trim(action), '')) as action,
        nullif(trim(value), '') as value_text,
        nullif(trim(note), '') as note,
        nullif(trim(corrected_by), '') as corrected_by,
        nullif(trim(corrected_at), '') as corrected_at_text
    from source
),

parsed as (
    select
        *,
        {{ indonesian_number('value_text') }} as value,
        try_cast(corrected_at_text as timestamp) as corrected_at
    from cleaned
),

checked as (
    select
        p.*,
        nullif(concat_ws('; ',
            case when p.action is null then 'no action'
                 when p.action not in ('reject', 'confirm', 'set_value') then 'unknown action ''' || p.action || '''' end,
            case when p.metric = 'mou' and p.action = 'set_value' then 'an MoU mention can be confirmed or rejected, not given a value' end,
            case when p.fact_key is not null and not regexp_full_match(p.fact_key, '[0-9a-f]{40}')
                 then 'fact_key ''' || p.fact_key || ''' is not a key (40 hex digits from fct_facts_for_review.fact_key)' end,
            case when p.fact_key is null and (p.url is null or p.region_code is null or p.metric is null)
                 then 'names no row: give fact_key, or url + region_code + metric' end,
            case when p.metric is not null
                      and p.metric not in ('uhc_coverage_pct', 'active_participation_pct', 'participants', 'contribution_budget_idr', 'mou')
                 then 'unknown metric ''' || p.metric || '''' end,
            case when p.kind is not null and p.kind not in ('actual', 'target', 'new', 'renewal')
                 then 'unknown kind ''' || p.kind || '''' end,
            case when p.segment is not null and p.segment not in ('total', 'pbi_apbn', 'pemda', 'ppu', 'pbpu', 'bp')
                 then 'unknown segment ''' || p.segment || '''' end,
            case when p.region_code is not null and r.region_code is null
                 then 'unknown region_code ''' || p.region_code || '''' end,
            case when p.action = 'set_value' and p.value_text is null then 'set_value without a value' end,
            case when p.value_text is not null and p.value is null then 'value ''' || p.value_text || ''' is not a number' end,
            case when p.action = 'set_value' and p.value is not null and (
                    not isfinite(p.value)
                    or p.value < 0
                    or (p.metric like '%\_pct' escape '\' and p.value > {{ var('max_pct') }})
                    or (p.metric = 'participants' and (p.value > {{ var('max_participants') }} or p.value <> round(p.value)))
                    or (p.metric = 'contribution_budget_idr' and p.value > {{ var('max_budget_idr') }}))
                 then 'value ' || p.value_text || ' is outside the domain of ' || coalesce(p.metric, 'its metric') end,
            case when p.corrected_at_text is not null and p.corrected_at is null
                 then 'corrected_at ''' || p.corrected_at_text || ''' is not a date (YYYY-MM-DD)' end,
            case when p.corrected_at > current_timestamp + interval 1 day
                 then 'corrected_at ' || p.corrected_at_text || ' is in the future' end
        ), '') as problem
    from parsed as p
    left join {{ ref('stg_regions') }} as r on p.region_code = r.region_code
),

identified as (
    select
        -- every field of the line: editing a note or a value gives the correction a new id, which is how the
    -- incremental fct_coverage_metrics sees that a row it built must change
    md5(concat_ws('|', coalesce(fact_key, ''), coalesce(url, ''), coalesce(region_code, ''), coalesce(metric, ''),
        coalesce(kind, ''), coalesce(segment, ''), coalesce(action, ''), coalesce(cast(value as varchar), ''),
        coalesce(note, ''), coalesce(corrected_by, ''), coalesce(cast(corrected_at as varchar), ''))) as correction_id,
        *
    from checked
)

select
    correction_id,
    line,
    metric = 'mou' as is_mou,
    fact_key,
    url,
    region_code,
    metric,
    kind,
    segment,
    action,
    value_text,
    value,
    note,
    corrected_by,
    corrected_at_text,
    corrected_at,
    -- a line written twice is one decision: the first copy applies, the next ones say so
    nullif(concat_ws('; ', problem,
        case when line > min(line) over (partition by correction_id)
             then 'repeats line ' || min(line) over (partition by correction_id) end), '') as problem
from identified
