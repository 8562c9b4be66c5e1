{#
  Generic test: every value of the column (a correction's id) appears in `to`.`field` (the rows the
  corrections matched). A correction that matches nothing has a typo in its key or URL, or names a fact a
  newer extractor no longer finds: worth a look, not worth failing a build (use severity warn).
#}
{% test matches_a_row(model, column_name, to, field) %}
select {{ column_name }} as unmatched
from {{ model }}
where {{ column_name }} is not null
  and {{ column_name }} not in (select {{ field }} from {{ to }} where {{ field }} is not null)
{% endtest %}
