-- Which extracted row (fact or MoU mention) each analyst correction applies to. A correction names its
-- row by the stable key (fact_key / mention_key), or loosely by any URL of the article plus region and
-- metric ('mou' for MoUs), narrowed by kind and segment when it gives them. A correction with a key
-- uses the key only. When several corrections apply to one row, the one that names it by key wins,
-- then the one that names more (kind, segment), then the latest corrected_at (`is_winner`).
-- Lines with a problem (stg_fact_corrections.problem) are never applied.
with corrections as (
    select * from {{ ref('stg_fact_corrections') }} where problem is null
),

article_urls as (
    select article_id, url from {{ ref('stg_article_urls') }}
    union
    select article_id, url from {{ ref('stg_articles') }}
),

targets as (
    select fact_id as row_id, fact_key as row_key, 'fact' as row_type, article_id, region_code, metric, kind, segment
    from {{ ref('stg_facts') }}
    union all
    select mention_id, mention_key, 'mou', article_id, region_code, 'mou', kind, null
    from {{ ref('stg_mou_mentions') }}
),

by_key as (
    select c.correction_id, t.row_id, t.row_type, 'key' as matched_on
    from corrections as c
    inner join targets as t on c.fact_key = t.row_key
    where c.fact_key is not null
),

url_candidates as (
    select distinct c.correction_id, c.action, t.row_id, t.row_key, t.row_type
    from corrections as c
    inner join article_urls as u on c.url = u.url
    inner join targets as t
        on t.article_id = u.article_id
        and t.region_code = c.region_code
        and t.metric = c.metric
        and (c.kind is null or t.kind = c.kind)
        and (c.segment is null or t.segment = c.segment)
    where c.fact_key is null
),

-- A value set by URL must name one figure: a set_value line that fits several (a region's actual and
-- target coverage) is ignored, and marts.fct_corrections shows the line as unmatched (its test correction_lines_applied warns).
by_url as (
    select correction_id, row_id, row_type, 'url' as matched_on
    from url_candidates
    where action <> 'set_value'
       or correction_id in (
           select correction_id from url_candidates group by correction_id having count(distinct row_key) = 1
       )
),

matches as (
    select * from by_key
    union all
    select * from by_url
)

select
    m.correction_id,
    m.row_id,
    m.row_type,
    m.matched_on,
    c.action,
    c.value,
    c.note,
    c.corrected_by,
    c.corrected_at,
    row_number() over (
        partition by m.row_id, m.row_type
        order by (m.matched_on = 'key') desc, (c.kind is not null)::int + (c.segment is not null)::int desc,
            c.corrected_at desc nulls last, m.correction_id desc
    ) = 1 as is_winner
from matches as m
inner join corrections as c on m.correction_id = c.correction_id
