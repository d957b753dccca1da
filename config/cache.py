"""The database cache used when there is no Redis, with a counter two requests cannot both pass."""

from __future__ import annotations

import base64
import pickle
from typing import Any

from django.core.cache.backends import db
from django.db import connections, router, transaction


class DatabaseCache(db.DatabaseCache):
    """Django's database cache, with an ``incr`` that is atomic and keeps the entry's expiry.

    Django's own reads the value, adds, and writes it back with the default timeout:
    two requests at once could both read the same count, and a counter left alone for
    five minutes vanished mid-window. Rate limits count with ``incr``. On PostgreSQL the
    row is locked; on SQLite the transaction takes the write lock at BEGIN (settings).
    """

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> Any:
        alias = router.db_for_write(self.cache_model_class)
        connection = connections[alias]
        quote = connection.ops.quote_name
        table, column = quote(self.cache_model_class._meta.db_table), quote("cache_key")
        cache_key = self.make_and_validate_key(key, version=version)
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        with transaction.atomic(using=alias), connection.cursor() as cursor:
            cursor.execute(f"SELECT {column} FROM {table} WHERE {column} = %s{lock}", [cache_key])  # noqa: S608
            value = self.get(key, self._missing_key, version=version)  # also drops an expired entry
            if value is self._missing_key:
                raise ValueError(f"Key '{key}' not found")
            value += delta
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(f"UPDATE {table} SET {quote('value')} = %s WHERE {column} = %s", [encoded, cache_key])  # noqa: S608
        return value
