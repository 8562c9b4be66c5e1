{#
  A number as analysts write it, text in → double out (null when it is not a number): a comma is the
  decimal mark (97,5 = 97.5) and then dots group thousands (212.400,5); without a comma a dot is the
  decimal point (100.11), as in the seed's own examples.
#}
{% macro indonesian_number(text) %}
    case
        when {{ text }} like '%,%' then try_cast(replace(replace(replace({{ text }}, ' ', ''), '.', ''), ',', '.') as double)
        else try_cast(replace({{ text }}, ' ', '') as double)
    end
{% endmacro %}
