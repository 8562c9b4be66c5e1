-- Incremental. The pre-hook (macros/coverage_metrics_incremental.sql) removes the facts of re-extracted
-- or no longer relevant articles and every row whose analysts' decision changed; this query then adds
-- the facts that should be in the mart and are not: new articles, re-extracted ones, and rows a new,
-- edited or removed correction brings back.
{{ config(
    materialized='incremental',
    unique_key='fact_id',
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    pre_hook="{{ coverage_metrics_pre_hook() }}"
) }}

select
    d.fact_id,
    d.article_id,
    d.url,
    d.published_at,
    d.site_name,
    d.region_code,
    d.region_name,
    d.metric,
    d.kind,
    d.segment,
    d.value,
    d.qualifier,
    d.as_of,
    d.observed_month,
    d.evidence,
    d.evidence_start,
    d.evidence_end,
    d.extractor_version,
    a.extracted_at,
    -- the columns below came with the review queue; a mart built before gets them appended in this order
    d.fact_key,
    d.confidence,
    d.decided_by,
    d.correction,
    d.corrected,
    d.extracted_value,
    d.correction_note,
    d.corrected_by,
    d.corrected_at,
    d.correction_id,
    -- the decider's calibrated probability and the features that pushed it most
    d.score,
    d.reasons
from {{ ref('int_fact_decisions') }} as d
inner join {{ ref('stg_articles') }} as a on d.article_id = a.article_id
where d.reaches_marts
{% if is_incremental() and coverage_metrics_is_current(this) %}
  and not exists (
      select 1 from {{ this }} as t
      where t.fact_id = d.fact_id and t.correction_id is not distinct from d.correction_id
  )
{% endif %}
