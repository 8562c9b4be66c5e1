{# Generic test: every correction names the row it applies to, by key or by url + region_code + metric. #}
{% test correction_names_a_row(model) %}
select *
from {{ model }}
where fact_key is null and (url is null or region_code is null or metric is null)
{% endtest %}
