{# A date written at day, month or year precision ('2025-11-28', '2025-11', '2025') as the first day it covers. #}
{% macro partial_date(column) -%}
    case
        when {{ column }} is null then null
        when length({{ column }}) = 10 then try_cast({{ column }} as date)
        when length({{ column }}) = 7 then try_cast({{ column }} || '-01' as date)
        when length({{ column }}) = 4 then try_cast({{ column }} || '-01-01' as date)
    end
{%- endmacro %}
