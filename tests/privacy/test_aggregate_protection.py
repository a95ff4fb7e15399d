"""Aggregate tables: threshold suppression with complementary cells (totals cannot recover a
suppressed cell), and OpenDP noise whose privacy loss is accounted."""

from __future__ import annotations

import itertools
import math
import statistics

import pytest

from privacy.cells import add_noise, suppress


def _recoverable(cells, hidden) -> list[int]:
    """Suppressed cells that are the only hidden cell of a line (derivable from its total)."""
    ndim = len(cells[0][0])
    out = []
    for d in range(max(ndim, 1)):
        lines: dict[tuple, list[int]] = {}
        for i, (key, _) in enumerate(cells):
            lines.setdefault(tuple(v for j, v in enumerate(key) if j != d), []).append(i)
        for line in lines.values():
            h = [i for i in line if i in hidden]
            if len(h) == 1 and len(line) > 1:
                out.append(h[0])
    return out


def test_one_small_cell_drags_the_next_smallest_with_it() -> None:
    cells = [(("a",), 40), (("b",), 3), (("c",), 9), (("d",), 25)]
    hidden = suppress(cells, 5)
    assert hidden == {1, 2}  # b is small; c, the smallest other, hides it from the total


def test_two_dimensions_leave_no_line_with_a_single_hidden_cell() -> None:
    counts = {("x", "p"): 2, ("x", "q"): 30, ("x", "r"): 12, ("y", "p"): 20, ("y", "q"): 4, ("y", "r"): 7}
    cells = list(counts.items())
    hidden = suppress(cells, 5)
    assert {0, 4} <= hidden
    assert _recoverable(cells, hidden) == []


def test_random_tables_are_never_recoverable_from_margins() -> None:
    import random

    rng = random.Random(7)
    for _ in range(50):
        keys = list(itertools.product(range(rng.randint(2, 5)), range(rng.randint(2, 4))))
        cells = [(k, rng.choice([1, 2, 3, 8, 20, 50])) for k in keys]
        hidden = suppress(cells, 5)
        assert all(n >= 5 or i in hidden for i, (_, n) in enumerate(cells))
        assert _recoverable(cells, hidden) == []


def test_without_complementary_suppression_only_small_cells_go() -> None:
    cells = [(("a",), 40), (("b",), 3), (("c",), 9)]
    assert suppress(cells, 5, complementary=False) == {1}


def test_a_table_with_margins_hides_a_cell_before_a_total_and_keeps_empty_cells() -> None:
    # a published table with totals ("合计"): one small cell, one empty cell of the same count as
    # nothing else; the line's complementary cell is the other cell, never the line's total,
    # and an empty cell is not a small cell when the caller says zeros are safe
    cells = [(("x",), 3), (("y",), 0), (("z",), 9), (("合计",), 12)]
    assert suppress(cells, 5) == {0, 1}  # counts of 0 are small by default (query answers)
    hidden = suppress(cells, 5, total="合计", zeros_safe=True)
    assert hidden == {0, 1} and 3 not in hidden
    only_total = [(("x",), 3), (("合计",), 3)]
    assert suppress(only_total, 5, total="合计", zeros_safe=True) == {0, 1}  # nothing else left
    assert _recoverable(only_total, {0, 1}) == []


@pytest.mark.parametrize("mechanism", ["laplace", "gaussian"])
def test_noise_is_calibrated_and_accounted(mechanism: str) -> None:
    noisy, spent = add_noise([100.0] * 2000, sensitivity=1.0, epsilon=0.5, mechanism=mechanism, delta=1e-6)
    assert spent == pytest.approx(0.5, rel=1e-3)
    assert noisy != [100.0] * 2000
    spread = statistics.pstdev(noisy)
    if mechanism == "laplace":  # Laplace(b = 2): standard deviation b·√2
        assert spread == pytest.approx(2 * 2**0.5, rel=0.15)
    else:  # between the analytic Gaussian mechanism's σ (≈ 7.9) and the classical √(2 ln(1.25/δ))/ε
        assert 7.0 < spread < (2 * math.log(1.25 / 1e-6)) ** 0.5 / 0.5 * 1.1
    # unbiased: the mean lies within 6 standard errors (a false failure about once in 5e8 runs;
    # a fixed tolerance failed about once in 100 runs for the Gaussian mechanism)
    assert abs(statistics.mean(noisy) - 100.0) < 6 * spread / len(noisy) ** 0.5
