"""Time the panel's triage queue and theme page with 100,000 reports.

Builds a throw-away SQLite database (unless DATABASE_URL is set), generates
one organisation with ``--reports`` reports spread over ``--themes`` themes
(bulk_create, realistic field mixes: service areas, labels, contributing
factors, two years of submission dates, ~0.5% live concerns), then requests
each page several times with the Django test Client as a panel member and
prints the median and the query count.

    .venv/bin/python benchmarks/panel_pages.py [--reports 100000] [--themes 100] [--repeat 7]

Runs no analysis: themes and labels are assigned at random with skewed
weights, which is all the pages' queries care about; each theme's summary is
then computed by the engine's own ``refresh_theme_summaries``, as after a build.

Figures at 100,000 reports, 100 themes (largest 11,362 reports, median ~500),
on a shared 2-CPU box at load ~5 (so wall times are noisy, roughly 2x CPU),
median ms with the Django test client, queries per request in brackets:

    .venv/bin/python benchmarks/panel_pages.py --reports 100000 --themes 100 --repeat 5

    page                               before (SQLite)   SQLite     PostgreSQL 15
    triage queue /panel/               1071              76 (14)    53 (14)
    triage, filtered                   1496              45 (14)    77 (14)
    theme page (largest theme)         3605              92 (15)   143 (15)
    theme page (median theme)           376              68 (15)   119 (15)
    urgent queue                       1172              52 (12)    72 (12)
    API triage                          816              56 (10)    92 (10)
    API theme (largest theme)             -              31  (8)    50  (8)
    API theme members (largest)           -              75 (10)   164 (10)
    API urgent queue                      -              36 (10)    50 (10)

Triage and the theme profile read Theme rows and their precomputed summary,
never member reports, so their cost no longer depends on the number of
reports. What still grows with a theme's size is the member list's ORDER BY
(pinned, newest) over the theme's rows before LIMIT 20: about 60 ms of the
largest theme's time on SQLite, 100 ms on PostgreSQL. An index on Report
(theme, -theme_pinned, -submitted_on, reference) makes that page 0.2 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--themes", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="lantern-bench-")
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp.name}/bench.sqlite3"
    os.environ.setdefault("LANTERN_VAR_DIR", tmp.name)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("LANTERN_HTTPS", "false")

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.SECURE_SSL_REDIRECT = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # No collectstatic here: plain storage, as in the tests.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("migrate", verbosity=0)

    t0 = time.perf_counter()
    panel_user, theme_ids = generate(args.reports, args.themes, args.seed)
    print(
        f"generated {args.reports:,} reports in {args.themes} themes in {time.perf_counter() - t0:.1f} s "
        f"({connection.vendor})"
    )

    client = Client()
    client.force_login(panel_user)
    from reporting.models import Report

    biggest = max(theme_ids, key=lambda pk: Report.objects.filter(theme_id=pk).count())
    median = sorted(theme_ids)[len(theme_ids) // 2]
    pages = {
        "triage queue /panel/": "/panel/",
        "triage, filtered (pathological, 90 days)": "/panel/?westrum_orientation=pathological&period=90",
        "theme page (largest theme)": f"/panel/themes/{biggest}/",
        "theme page (median theme)": f"/panel/themes/{median}/",
        "urgent queue": "/panel/urgent/",
        "API triage /api/v1/panel/themes/": "/api/v1/panel/themes/",
        "API theme (largest theme)": f"/api/v1/panel/themes/{biggest}/",
        "API theme members (largest theme)": f"/api/v1/panel/themes/{biggest}/reports/",
        "API urgent queue": "/api/v1/panel/urgent/",
    }
    print(f"{'page':45} {'median ms':>10} {'min ms':>8} {'queries':>8}")
    for name, url in pages.items():
        response = client.get(url)  # warm caches once
        assert response.status_code == 200, (url, response.status_code)
        times = []
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as ctx:
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
        print(f"{name:45} {statistics.median(times):10.1f} {min(times):8.1f} {len(ctx.captured_queries):8d}")
    print(
        f"command: .venv/bin/python benchmarks/panel_pages.py --reports {args.reports} --themes {args.themes} "
        f"--repeat {args.repeat}"
    )
    tmp.cleanup()


def generate(n_reports: int, n_themes: int, seed: int):  # type: ignore[no-untyped-def]
    import datetime as dt

    from django.utils import timezone

    from reporting.choices import (
        ContributingFactor,
        IdentityMode,
        LearningTogether,
        ReachedChild,
        ReportKind,
        ServiceArea,
        ThemeStatus,
        WestrumAspect,
        WestrumOrientation,
    )
    from reporting.models import Organisation, Panel, Report, Theme, User

    rng = random.Random(seed)
    org = Organisation.objects.create(slug="bench", name="Benchmark Children's Services")
    user = User.objects.create_user(username="bench-panel", password=None, organisation=org)
    Panel.objects.create(slug="bench-panel", name="Bench panel", organisation=org).members.add(user)

    today = timezone.localdate()
    statuses = [s.value for s in ThemeStatus]
    themes = Theme.objects.bulk_create(
        Theme(
            organisation=org,
            title=f"Theme {i}: "
            + " ".join(
                rng.sample(
                    [
                        "late",
                        "referral",
                        "visit",
                        "court",
                        "recording",
                        "handover",
                        "interpreter",
                        "supervision",
                        "placement",
                        "strategy",
                    ],
                    3,
                )
            ),
            keywords=rng.sample(["police", "notification", "school", "inbox", "duty", "caseload", "timeout"], 4),
            excerpts=["An excerpt of a de-identified report."] * 3,
            status=rng.choices(statuses, weights=[50, 20, 15, 5, 5, 5])[0],
            emerging=rng.random() < 0.1,
            first_seen=today - dt.timedelta(days=700),
            last_seen=today,
            last_reviewed_at=None if rng.random() < 0.4 else timezone.now() - dt.timedelta(days=rng.randint(1, 200)),
        )
        for i in range(n_themes)
    )
    # Zipf-like theme sizes: a few big themes, a long tail, some unthemed reports.
    weights = [1 / (rank + 1) ** 0.8 for rank in range(n_themes)]
    areas = [a.value for a in ServiceArea]
    aspects = [a.value for a in WestrumAspect]
    orientations = [o.value for o in WestrumOrientation]
    patterns = [p.value for p in LearningTogether]
    factors = [f.value for f in ContributingFactor]
    kinds = [k.value for k in ReportKind]
    narrative = (
        "The police notification for [CHILD 1] arrived nine days late; we only found out because the "
        "school called. The shared inbox is not checked when the duty worker is off. "
    ) * 3
    batch: list[Report] = []
    for i in range(n_reports):
        theme = rng.choices(themes, weights=weights)[0] if rng.random() < 0.92 else None
        submitted = today - dt.timedelta(days=int(rng.triangular(0, 730, 0)))
        batch.append(
            Report(
                reference=f"LR-B{i:07d}",
                receipt_secret_hash="sha256$" + "0" * 64,  # no receipt in a benchmark
                organisation=org,
                identity_mode=IdentityMode.ANONYMOUS if rng.random() < 0.4 else IdentityMode.CONFIDENTIAL,
                kind=rng.choice(kinds),
                narrative=narrative,
                what_would_help="A shared inbox that someone checks daily.",
                service_area=rng.choice(areas),
                contributing_factors=rng.sample(factors, rng.randint(0, 3)),
                reached_child=rng.choices(
                    ["", ReachedChild.YES, ReachedChild.NO, ReachedChild.NOT_SURE], weights=[30, 10, 50, 10]
                )[0],
                submitted_on=submitted,
                incident_month=submitted.replace(day=1),
                live_concern=rng.random() < 0.005,
                processed_at=timezone.now(),
                westrum_aspect=rng.choice(aspects),
                westrum_orientation=rng.choices(orientations, weights=[35, 45, 20])[0],
                learning_together=rng.choice(patterns),
                label_details={},
                theme=theme,
            )
        )
        if len(batch) == 5000:
            Report.objects.bulk_create(batch)
            batch = []
    Report.objects.bulk_create(batch)
    # What the theme engine stores for each theme after a build or an
    # assignment: summary, size, first/last seen and the emerging flag.
    from reporting.themes import refresh_theme_summaries

    refresh_theme_summaries([t.pk for t in themes])
    return user, [t.pk for t in themes]


if __name__ == "__main__":
    main()
