-- The analysts' review queue: facts the extractor was not confident enough about for the marts, and no
-- analyst has decided yet. A line in the seed fact_corrections (confirm, set_value or reject) takes a fact
-- out of the queue. Ordered by what a decision would teach the decider most: scores nearest the threshold first.
select
    -- ties (no score yet) in an order that does not depend on ids: the same queue wherever the site is served
    row_number() over (order by abs(score - threshold) nulls last, region_code, metric, kind, segment, value, fact_id) as teach_rank,
    fact_id,
    fact_key,
    article_id,
    url,
    published_at,
    site_name,
    region_code,
    region_name,
    metric,
    kind,
    segment,
    value,
    qualifier,
    as_of,
    observed_month,
    evidence,
    evidence_start,
    evidence_end,
    review_reason,
    decided_by,
    score,
    threshold,
    reasons,
    extractor_version
from {{ ref('int_fact_decisions') }}
where status = 'review'
order by teach_rank
