"""Many new rows at once: PostgreSQL's COPY where the database is PostgreSQL, `bulk_create` elsewhere.

`bulk_create` builds an INSERT per batch whose values Django prepares field by field and psycopg then quotes
into the statement; COPY streams the rows in PostgreSQL's own format instead. For the HSDS import's 65,000
new rows that is most of the time its writing took.
"""

from django.db import connections, router


def insert_new(objects: list, batch_size: int = 500) -> None:
    """Insert these new objects of one model, as `bulk_create` does: each field's `pre_save` applies
    (auto_now), a primary key with a default gets it, no `save()` and no signals. Unlike `bulk_create` on
    PostgreSQL, a primary key the database makes (an AutoField) is not read back."""
    if not objects:
        return
    model = type(objects[0])
    alias = router.db_for_write(model)
    connection = connections[alias]
    if connection.vendor != "postgresql":
        model.objects.using(alias).bulk_create(objects, batch_size=batch_size)
        return
    meta = model._meta
    for obj in objects:
        if obj.pk is None:
            obj.pk = meta.pk.get_pk_value_on_save(obj)  # its default (uuid4, say); None for an AutoField
    if keyed := [obj for obj in objects if obj.pk is not None]:
        _copy(connection, meta.db_table, meta.concrete_fields, keyed)
    if unkeyed := [obj for obj in objects if obj.pk is None]:  # the database makes their keys
        _copy(connection, meta.db_table, [f for f in meta.concrete_fields if not f.primary_key], unkeyed)
    for obj in objects:
        obj._state.adding = False
        obj._state.db = alias


def _copy(connection, table: str, fields: list, objects: list) -> None:
    quote = connection.ops.quote_name
    statement = f"COPY {quote(table)} ({', '.join(quote(f.column) for f in fields)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:  # psycopg's COPY
        for obj in objects:
            copy.write_row([f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields])
