-- Every line of the analysts' corrections and what became of it: applied (confirmed, corrected,
-- rejected), superseded by another line deciding the same rows, unmatched, or invalid (never applied).
-- A rejected fact leaves the other marts; here it stays visible, with its extracted value and sentence.
with lines as (
    select * from {{ ref('stg_fact_corrections') }}
),

matches as (
    select * from {{ ref('int_correction_matches') }}
),

targets as (
    select f.fact_id as row_id, 'fact' as row_type, f.fact_key as row_key, f.value as extracted_value, f.evidence, a.url
    from {{ ref('stg_facts') }} as f
    inner join {{ ref('stg_articles') }} as a on f.article_id = a.article_id
    union all
    select m.mention_id, 'mou', m.mention_key, null, m.evidence, a.url
    from {{ ref('stg_mou_mentions') }} as m
    inner join {{ ref('stg_articles') }} as a on m.article_id = a.article_id
),

matched as (
    select
        m.correction_id,
        any_value(m.matched_on) as matched_on,
        count(*) as matched_rows,
        count(*) filter (where m.is_winner) as applied_rows,
        list(distinct t.row_key order by t.row_key) as row_keys,
        list(t.extracted_value order by t.row_key) filter (where t.extracted_value is not null) as extracted_values,
        min(t.evidence) as evidence,
        min(t.url) as article_url
    from matches as m
    inner join targets as t on m.row_id = t.row_id and m.row_type = t.row_type
    group by m.correction_id
)

select
    l.line,
    case
        when l.problem is not null then 'invalid'
        when mt.correction_id is null then 'unmatched'
        when mt.applied_rows = 0 then 'superseded'
        when l.action = 'reject' then 'rejected'
        when l.action = 'confirm' then 'confirmed'
        when l.action = 'set_value' then 'corrected'
    end as status,
    case
        when l.problem is not null then l.problem
        when mt.correction_id is null then
            'matches no fact or MoU mention: a typo in the key or URL, a figure a newer extractor no longer finds, '
            || 'or a set_value by URL that fits several figures (add kind or segment, or use fact_key)'
        when mt.applied_rows = 0 then 'another line decides the same rows (a key beats a URL, then kind/segment, then the latest)'
    end as problem,
    l.action,
    l.fact_key,
    l.url,
    l.region_code,
    r.region_name,
    l.metric,
    l.kind,
    l.segment,
    l.value,
    l.value_text,
    l.note,
    l.corrected_by,
    l.corrected_at,
    l.corrected_at_text,
    mt.matched_on,
    coalesce(mt.matched_rows, 0) as matched_rows,
    coalesce(mt.applied_rows, 0) as applied_rows,
    coalesce(mt.row_keys, []) as row_keys,
    coalesce(mt.extracted_values, []) as extracted_values,
    mt.evidence,
    mt.article_url,
    l.correction_id
from lines as l
left join matched as mt on l.correction_id = mt.correction_id and l.problem is null
left join {{ ref('stg_regions') }} as r on l.region_code = r.region_code
