"""A trigram index over the search text on PostgreSQL.

Existing catalogues fill the text with `manage.py rebuild_search_text`.
"""

from django.db import migrations

TRIGRAM_INDEX = (
    "CREATE INDEX IF NOT EXISTS release_search_trgm "
    "ON catalog_release USING gin (search_text gin_trgm_ops)"
)


def add_trigram_index(apps, schema_editor):
    # SQLite has no trigram index; it scans, which is fine at its scale.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(TRIGRAM_INDEX)


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS release_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("catalog", "0003_search_text")]

    operations = [
        migrations.RunPython(add_trigram_index, drop_trigram_index),
    ]
