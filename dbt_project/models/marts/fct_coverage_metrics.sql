-- Incremental by article: when an article is (re-)extracted, all its facts are replaced, including
-- facts the new extractor no longer finds (the pre-hook removes them before the insert).
{{ config(
    materialized='incremental',
    unique_key='fact_id',
    incremental_strategy='delete+insert',
    pre_hook="{% if is_incremental() %}delete from {{ this }} where article_id in (select article_id from {{ ref('stg_articles') }} where extracted_at > (select coalesce(max(extracted_at), timestamptz '1970-01-01') from {{ this }})) or article_id not in (select article_id from {{ ref('stg_articles') }} where is_relevant){% endif %}"
) }}

select
    o.fact_id,
    o.article_id,
    o.url,
    o.published_at,
    o.site_name,
    o.region_code,
    o.region_name,
    o.metric,
    o.kind,
    o.segment,
    o.value,
    o.qualifier,
    o.as_of,
    o.observed_month,
    o.evidence,
    o.evidence_start,
    o.evidence_end,
    o.extractor_version,
    a.extracted_at
from {{ ref('int_fact_observations') }} as o
inner join {{ ref('stg_articles') }} as a on o.article_id = a.article_id
{% if is_incremental() %}
where a.extracted_at > (select coalesce(max(extracted_at), timestamptz '1970-01-01') from {{ this }})
{% endif %}
