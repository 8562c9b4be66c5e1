{#
  Generic test: every correction line is valid. The failure rows name each bad line by its line number in
  the CSV, with its action, value and what is wrong; such a line is never applied.
#}
{% test correction_lines_valid(model) %}
select line, action, value_text as value, problem
from {{ model }}
where problem is not null
{% endtest %}
