"""Trend of a theme over time and the "emerging" test. Plain Python, no ORM.

Trend: reports in the last 30 and 90 days against the 30 and 90 days before.

Emerging: an exact one-sided conditional test of the theme's recent rate
against its own baseline rate (the classic comparison of two Poisson rates).
If reports of a theme arrive as a Poisson process with a constant rate, then
given the total n = x_recent + x_base the recent count is
Binomial(n, p0) with p0 = t_recent / (t_recent + t_base), the recent window's
share of the observed exposure time. The p-value is P(X >= x_recent) under
that binomial. A theme is *emerging* when

* the p-value is below ``ALPHA`` (0.01: panels see many themes, so a strict
  level keeps false alarms rare),
* at least ``MIN_RECENT`` reports arrived in the recent window (a rise from
  0 to 2 is not a signal anyone can act on), and
* the baseline covers at least ``MIN_BASELINE_DAYS`` (without history there
  is nothing to rise above).

Rising reporting volume is often good news (a healthier reporting culture);
the flag says "look at this theme", never "things got worse".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from scipy.stats import binom

RECENT_DAYS: int = 30
BASELINE_DAYS_MAX: int = 365
MIN_BASELINE_DAYS: int = 60
MIN_RECENT: int = 5
ALPHA: float = 0.01


@dataclass(frozen=True, slots=True)
class RateTest:
    recent: int
    baseline: int
    recent_days: float
    baseline_days: float
    rate_ratio: float | None  # recent rate / baseline rate; None if baseline is 0
    p_value: float
    emerging: bool


@dataclass(frozen=True, slots=True)
class Trend:
    last_30: int
    previous_30: int
    last_90: int
    previous_90: int
    change_30: float | None  # relative change; None when the previous window is empty
    change_90: float | None
    test: RateTest


def rate_test(
    *,
    recent: int,
    baseline: int,
    recent_days: float,
    baseline_days: float,
    alpha: float = ALPHA,
    min_recent: int = MIN_RECENT,
    min_baseline_days: float = MIN_BASELINE_DAYS,
) -> RateTest:
    """Exact conditional (binomial) test that the recent rate exceeds the baseline rate."""
    if recent < 0 or baseline < 0 or recent_days <= 0:
        raise ValueError("counts must be >= 0 and the recent window positive")
    n = recent + baseline
    if baseline_days <= 0 or n == 0:
        return RateTest(recent, baseline, recent_days, max(0.0, baseline_days), None, 1.0, False)
    p0 = recent_days / (recent_days + baseline_days)
    # P(X >= recent) = survival function at recent - 1.
    p_value = float(binom.sf(recent - 1, n, p0))
    ratio = (recent / recent_days) / (baseline / baseline_days) if baseline else None
    emerging = p_value < alpha and recent >= min_recent and baseline_days >= min_baseline_days
    return RateTest(recent, baseline, recent_days, baseline_days, ratio, p_value, emerging)


def _change(now: int, before: int) -> float | None:
    return None if before == 0 else (now - before) / before


def theme_trend(dates: Iterable[datetime], *, now: datetime, first_seen: datetime | None = None) -> Trend:
    """Counts by window and the emerging test for one theme's report dates.

    The baseline runs from the theme's first report (or ``first_seen``, or at
    most ``BASELINE_DAYS_MAX`` back) to the start of the recent window.
    """
    stamps = sorted(d for d in dates if d <= now)
    start_recent = now - timedelta(days=RECENT_DAYS)

    def count(lo: datetime, hi: datetime) -> int:
        return sum(1 for d in stamps if lo < d <= hi)

    last_30 = count(start_recent, now)
    previous_30 = count(now - timedelta(days=60), start_recent)
    last_90 = count(now - timedelta(days=90), now)
    previous_90 = count(now - timedelta(days=180), now - timedelta(days=90))

    earliest = first_seen or (stamps[0] if stamps else now)
    base_start = max(earliest, now - timedelta(days=RECENT_DAYS + BASELINE_DAYS_MAX))
    baseline_days = max(0.0, (start_recent - base_start).total_seconds() / 86400.0)
    baseline = count(base_start - timedelta(microseconds=1), start_recent)
    test = rate_test(recent=last_30, baseline=baseline, recent_days=RECENT_DAYS, baseline_days=baseline_days)
    return Trend(
        last_30=last_30,
        previous_30=previous_30,
        last_90=last_90,
        previous_90=previous_90,
        change_30=_change(last_30, previous_30),
        change_90=_change(last_90, previous_90),
        test=test,
    )
