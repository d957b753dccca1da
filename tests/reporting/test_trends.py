"""The trend windows and the exact emerging test."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from scipy.stats import binomtest

from reporting.analysis.trends import rate_test, theme_trend

NOW = datetime(2025, 6, 1, tzinfo=UTC)


def _days_ago(*days: float) -> list[datetime]:
    return [NOW - timedelta(days=d) for d in days]


def test_windows_count_the_right_reports() -> None:
    trend = theme_trend(_days_ago(1, 5, 29, 31, 59, 61, 89, 95, 170, 200), now=NOW)
    assert (trend.last_30, trend.previous_30) == (3, 2)
    assert (trend.last_90, trend.previous_90) == (7, 2)
    assert trend.change_30 == pytest.approx(0.5)


def test_p_value_matches_scipy_binomial_test() -> None:
    got = rate_test(recent=9, baseline=6, recent_days=30, baseline_days=180)
    expected = binomtest(9, 15, 30 / 210, alternative="greater").pvalue
    assert got.p_value == pytest.approx(expected)
    assert got.rate_ratio == pytest.approx((9 / 30) / (6 / 180))


def test_a_sharp_rise_is_emerging_and_a_steady_rate_is_not() -> None:
    steady = theme_trend(_days_ago(*range(2, 300, 15)), now=NOW)
    assert not steady.test.emerging
    rising = theme_trend(_days_ago(*range(1, 29, 3), *range(40, 300, 40)), now=NOW)
    assert rising.test.emerging
    assert rising.test.p_value < 0.01


def test_small_counts_and_short_history_are_never_emerging() -> None:
    few = rate_test(recent=3, baseline=0, recent_days=30, baseline_days=300)
    assert few.p_value < 0.01 and not few.emerging  # significant but below the minimum count
    new_theme = theme_trend(_days_ago(*range(1, 29, 2)), now=NOW)
    assert not new_theme.test.emerging  # no baseline history to rise above


def test_invalid_input_is_rejected() -> None:
    with pytest.raises(ValueError):
        rate_test(recent=-1, baseline=2, recent_days=30, baseline_days=60)
