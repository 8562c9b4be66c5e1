{# Generic test: a list column holds at least one element on every row. #}
{% test not_empty_list(model, column_name) %}
select * from {{ model }} where {{ column_name }} is null or len({{ column_name }}) = 0
{% endtest %}
