-- Per region, a month spine from its first observation to the current month (var spine_end pins it),
-- with the latest actual UHC coverage % and active participation % known at each month, carried forward
-- for at most var carry_forward_months months: an older value is not shown as current (the value is
-- null, `*_is_stale` true), while `*_observed_month` and `*_months_since_observed` say how old it is.
--
-- When outlets disagree within a month (93 vs 93,28), the value reported by the most articles wins;
-- a tie goes to the more precise figure (more decimals), then to the latest publication.
{% set spine_end = var('spine_end') %}
{% set window = var('carry_forward_months') %}
-- Only facts that reach the marts (int_fact_decisions: high confidence or confirmed, not rejected,
-- with analysts' corrected values).
with observations as (
    select *
    from {{ ref('int_fact_decisions') }}
    where reaches_marts and metric in ('uhc_coverage_pct', 'active_participation_pct') and observed_month is not null
),

value_votes as (
    select
        region_code,
        metric,
        kind,
        observed_month,
        value,
        count(distinct article_id) as agreeing,
        max(published_at) as latest_published,
        arg_max(fact_id, (published_at, fact_id)) as fact_id,
        arg_max(url, (published_at, fact_id)) as url,
        length(regexp_extract(cast(value as varchar), '\.(\d*[1-9])', 1)) as decimals
    from observations
    group by region_code, metric, kind, observed_month, value
),

monthly_pick as (
    select
        region_code,
        metric,
        kind,
        observed_month,
        arg_max(value, (agreeing, decimals, latest_published, fact_id)) as value,
        max(agreeing) as sources_agreeing,
        sum(agreeing) as sources_reporting,
        arg_max(fact_id, (agreeing, decimals, latest_published, fact_id)) as fact_id,
        arg_max(url, (agreeing, decimals, latest_published, fact_id)) as url
    from value_votes
    group by region_code, metric, kind, observed_month
),

region_bounds as (
    select region_code, min(observed_month) as first_month
    from monthly_pick
    where kind = 'actual'
    group by region_code
),

spine as (
    select
        region_code,
        cast(unnest(generate_series(
            first_month,
            {% if spine_end %}date '{{ spine_end }}'{% else %}date_trunc('month', current_date){% endif %},
            interval 1 month
        )) as date) as month
    from region_bounds
),

-- One row per region and month with each metric and kind side by side (conditional aggregation
-- rather than a join per metric: one pass over the picks)
picks_by_month as (
    select
        region_code,
        observed_month,
        {% for prefix, metric in [('uhc', 'uhc_coverage_pct'), ('act', 'active_participation_pct')] %}
        {% for col in ['value', 'observed_month', 'sources_reporting', 'sources_agreeing', 'fact_id', 'url'] %}
        any_value({{ col }}) filter (where metric = '{{ metric }}' and kind = 'actual') as {{ prefix }}_{{ col }},
        {% endfor %}
        any_value(value) filter (where metric = '{{ metric }}' and kind = 'target') as {{ prefix }}_target,
        {% endfor %}
    from monthly_pick
    group by region_code, observed_month
),

pivoted as (
    select
        spine.region_code,
        spine.month,
        p.uhc_value, p.uhc_observed_month as uhc_month, p.uhc_sources_reporting as uhc_reporting,
        p.uhc_sources_agreeing as uhc_agreeing, p.uhc_fact_id, p.uhc_url,
        p.act_value, p.act_observed_month as act_month, p.act_sources_reporting as act_reporting,
        p.act_sources_agreeing as act_agreeing, p.act_fact_id, p.act_url,
        p.uhc_target, p.act_target
    from spine
    left join picks_by_month as p
        on p.region_code = spine.region_code and p.observed_month = spine.month
),

carried as (
    select
        region_code,
        month,
        {% for col in ['uhc_value', 'uhc_month', 'uhc_reporting', 'uhc_agreeing', 'uhc_fact_id', 'uhc_url',
                       'act_value', 'act_month', 'act_reporting', 'act_agreeing', 'act_fact_id', 'act_url',
                       'uhc_target', 'act_target'] %}
        last_value({{ col }} ignore nulls) over w as {{ col }},
        {% endfor %}
        uhc_value is not null as uhc_observed_this_month,
        act_value is not null as act_observed_this_month
    from pivoted
    window w as (partition by region_code order by month rows between unbounded preceding and current row)
)

select
    carried.region_code,
    regions.region_name,
    carried.month,
    case when datediff('month', carried.uhc_month, carried.month) <= {{ window }} then carried.uhc_value end as uhc_coverage_pct,
    carried.uhc_month as uhc_observed_month,
    datediff('month', carried.uhc_month, carried.month) as uhc_months_since_observed,
    coalesce(datediff('month', carried.uhc_month, carried.month) > {{ window }}, false) as uhc_is_stale,
    carried.uhc_observed_this_month,
    carried.uhc_reporting as uhc_sources_reporting,
    carried.uhc_agreeing as uhc_sources_agreeing,
    carried.uhc_fact_id,
    carried.uhc_url,
    case when datediff('month', carried.act_month, carried.month) <= {{ window }} then carried.act_value end as active_participation_pct,
    carried.act_month as active_observed_month,
    datediff('month', carried.act_month, carried.month) as active_months_since_observed,
    coalesce(datediff('month', carried.act_month, carried.month) > {{ window }}, false) as active_is_stale,
    carried.act_observed_this_month as active_observed_this_month,
    carried.act_reporting as active_sources_reporting,
    carried.act_agreeing as active_sources_agreeing,
    carried.act_fact_id as active_fact_id,
    carried.act_url as active_url,
    least(
        coalesce(datediff('month', carried.uhc_month, carried.month), 9999),
        coalesce(datediff('month', carried.act_month, carried.month), 9999)
    ) as months_since_observed,
    carried.uhc_target as uhc_coverage_target_pct,
    carried.act_target as active_participation_target_pct,
    -- the last value observed, however old: for a reader who wants it and reads its age beside it
    carried.uhc_value as uhc_last_known_pct,
    carried.act_value as active_last_known_pct
from carried
left join {{ ref('stg_regions') }} as regions on carried.region_code = regions.region_code
