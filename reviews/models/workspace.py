"""What the panel writes in its workspace, beside the engine's own rows.

Panel decisions that change themes (rename, merge, split, pin, exclude,
labels) live on ``reporting`` rows through the theme engine's primitives;
only the panel's free-text notes need a table of their own.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ThemeNote(models.Model):
    """A panel member's note on a theme. Notes follow a merged theme's
    survivor through ``Theme.merged_into`` (the theme page shows both)."""

    theme = models.ForeignKey("reporting.Theme", on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["theme", "created_at"])]

    def __str__(self) -> str:
        return f"Note on theme {self.theme_id}"
