-- Every extracted fact with what reaches the marts: high-confidence facts and review facts an analyst
-- confirmed or corrected, minus rejected ones; a set_value correction replaces the value.
with observations as (
    select * from {{ ref('int_fact_observations') }}
),

winning as (
    select * from {{ ref('int_correction_matches') }} where row_type = 'fact' and is_winner
)

select
    o.* exclude (value),
    case when w.action = 'set_value' then w.value else o.value end as value,
    o.value as extracted_value,
    w.correction_id,
    w.action as correction,
    w.matched_on as correction_matched_on,
    coalesce(w.action = 'set_value', false) as corrected,
    w.note as correction_note,
    w.corrected_by,
    w.corrected_at,
    case
        when w.action = 'reject' then 'rejected'
        when w.action = 'set_value' then 'corrected'
        when w.action = 'confirm' then 'confirmed'
        when o.confidence = 'high' then 'high'
        else 'review'
    end as status,
    case
        when w.action = 'reject' then false
        when w.action in ('confirm', 'set_value') then true
        else o.confidence = 'high'
    end as reaches_marts
from observations as o
left join winning as w on o.fact_id = w.row_id
