{#
  Generic test: the corrections file has at least its header line. A file of 0 bytes is a file cut short
  (a failed copy, a full disk), not "no decisions": applying it would silently undo every rejection, so
  it fails the build (a header-only file means no corrections, and passes).
#}
{% test corrections_file_not_empty(model) %}
select filename as corrections_file, 'the corrections file is empty: expected at least the header line' as problem
from read_text('{{ corrections_file() | replace("'", "''") }}')
where length(trim(content)) = 0
{% endtest %}
