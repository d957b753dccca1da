"""The Celery app. Periodic jobs are all defined here, in one place."""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("lantern")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    "sweep-outbox": {"task": "reporting.tasks.sweep_outbox", "schedule": 60.0},
    "sweep-urgent-alerts": {"task": "reporting.tasks.sweep_urgent_alerts", "schedule": 60.0},
    "sweep-queued-exports": {"task": "lantern.sweep_queued_exports", "schedule": 120.0},
    "expire-exports": {"task": "lantern.expire_exports", "schedule": crontab(minute=45)},
    "destroy-expired-identities": {
        "task": "reporting.tasks.destroy_expired_identities",
        "schedule": crontab(minute=15),
    },
    # Theme engine (reporting.themes).
    "sweep-unprocessed-reports": {"task": "reporting.tasks.sweep_unprocessed", "schedule": 300.0},
    "refresh-stale-theme-summaries": {"task": "reporting.tasks.refresh_stale_theme_summaries", "schedule": 60.0},
    "retrain-labellers": {"task": "reporting.tasks.retrain_labeller", "schedule": crontab(minute="*/30")},
    "build-themes": {"task": "reporting.tasks.build_all_themes", "schedule": crontab(hour=2, minute=30)},
}
