"""The table of the database cache that every process shares when no Redis is
configured (``CACHES`` in config/settings.py).

Created here, and whatever the cache setting of the moment, so that ``migrate``
alone prepares a database (docs/CONTRACTS.md) and a deployment can move between
Redis and the database cache without a further step. Django's own
``createcachetable`` builds it; it does nothing if the table already exists
(the test runner, for one, runs that command after migrating).
"""

from django.core.management import call_command
from django.db import migrations

# Must match CACHE_TABLE in config/settings.py.
CACHE_TABLE = "lantern_cache"


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", CACHE_TABLE, database=schema_editor.connection.alias, verbosity=0)


def drop_cache_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(CACHE_TABLE)}")


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0007_theme_summary_stale"),
    ]

    operations = [
        migrations.RunPython(create_cache_table, drop_cache_table, elidable=False),
    ]
