-- MoU mentions the extractor was not confident enough about for fct_mous, not yet decided by an analyst
-- (a correction with metric 'mou', action confirm or reject, takes one out of the queue).
select
    row_number() over (order by abs(score - threshold) nulls last, mention_id) as teach_rank,
    mention_id,
    mention_key,
    article_id,
    url,
    published_at,
    region_code,
    region_name,
    partner,
    signed_on,
    kind,
    evidence,
    evidence_start,
    evidence_end,
    review_reason,
    decided_by,
    score,
    threshold,
    reasons
from {{ ref('int_mou_decisions') }}
where status = 'review'
order by teach_rank
