{#
  Generic test: every valid correction line applies to a row. Failure rows name each line that matched
  nothing (a typo in a key or URL, a figure a newer extractor no longer finds): worth a look, not worth
  failing a build (use severity warn).
#}
{% test correction_lines_applied(model) %}
select line, action, fact_key, url, region_code, metric, problem
from {{ model }}
where status = 'unmatched'
{% endtest %}
