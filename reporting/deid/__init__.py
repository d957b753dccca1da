"""De-identification of report text: typed, consistent placeholders for personal details.

Pure Python (no Django), so it runs the same in a view, a Celery task, a management
command, a benchmark or a test. See ``engine.redact_fields`` for the behaviour.
"""

from reporting.deid.engine import SPAN_TYPES, Redaction, Span, redact_fields, redact_text

__all__ = ["SPAN_TYPES", "Redaction", "Span", "redact_fields", "redact_text"]
