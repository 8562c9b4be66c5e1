-- Every MoU mention with its article and what reaches fct_mous: high-confidence mentions and review
-- ones an analyst confirmed, minus rejected ones (corrections with metric 'mou').
with mentions as (
    select
        m.*,
        a.url,
        a.published_at
    from {{ ref('stg_mou_mentions') }} as m
    inner join {{ ref('stg_articles') }} as a on m.article_id = a.article_id
),

winning as (
    select * from {{ ref('int_correction_matches') }} where row_type = 'mou' and is_winner
)

select
    m.*,
    w.correction_id,
    w.action as correction,
    w.matched_on as correction_matched_on,
    w.note as correction_note,
    w.corrected_by,
    w.corrected_at,
    case
        when w.action = 'reject' then 'rejected'
        when w.action = 'confirm' then 'confirmed'
        when m.confidence = 'high' then 'high'
        else 'review'
    end as status,
    case
        when w.action = 'reject' then false
        when w.action = 'confirm' then true
        else m.confidence = 'high'
    end as reaches_marts
from mentions as m
left join winning as w on m.mention_id = w.row_id
