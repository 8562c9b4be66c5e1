{# The analysts' corrections CSV: the file PANTAU_CORRECTIONS names, else the seed (dbt runs in its project folder). #}
{% macro corrections_file() %}{{ return(env_var('PANTAU_CORRECTIONS', '') or 'seeds/fact_corrections.csv') }}{% endmacro %}
