"""Models of the review panel's workspace (engineer A) and thematic reviews (engineer B)."""

from reviews.models.thematic import *  # noqa: F403
from reviews.models.thematic import __all__ as _thematic_all
from reviews.models.workspace import ThemeNote

__all__ = ["ThemeNote", *_thematic_all]
