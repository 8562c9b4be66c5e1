{# Generic test: every non-null value lies in [min_value, max_value] (either bound may be omitted). #}
{% test value_between(model, column_name, min_value=none, max_value=none, where=none) %}
select {{ column_name }} as offending_value
from {{ model }}
where {{ column_name }} is not null
  {% if where %}and ({{ where }}){% endif %}
  and (
    {% if min_value is not none %}{{ column_name }} < {{ min_value }}{% else %}false{% endif %}
    or {% if max_value is not none %}{{ column_name }} > {{ max_value }}{% else %}false{% endif %}
  )
{% endtest %}
