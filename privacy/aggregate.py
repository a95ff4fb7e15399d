"""Protecting aggregate tables: cell suppression with complementary cells, and calibrated noise.

* :func:`suppress` — cells counting fewer than ``threshold`` rows are suppressed (primary); then,
  along every dimension, any line of cells (all cells sharing the other dimensions' values,
  whose total another query can give) that holds exactly one suppressed cell gets its smallest
  other cell suppressed too (complementary), until no line has a single suppressed cell. A
  one-dimensional table is one line; a table without dimensions is its one cell.
* :func:`add_noise` — Laplace (ε-DP) or Gaussian ((ε, δ)-DP through zCDP) noise with OpenDP,
  calibrated to a sensitivity and a privacy-loss target; returns the noisy values and the loss
  OpenDP accounts for them.

Suppression alone does not stop differencing across queries (two totals that differ by one
person); the policy turns noise on for data about people, under a per-grant budget.
"""

from __future__ import annotations

import functools
from collections.abc import Hashable, Sequence
from typing import Any

__all__ = ["add_noise", "suppress"]


def suppress(
    cells: Sequence[tuple[tuple[Hashable, ...], float]], threshold: int, *, complementary: bool = True
) -> set[int]:
    """Indices of the cells to suppress. ``cells``: ``(dimension values, row count)`` each."""
    suppressed = {i for i, (_, n) in enumerate(cells) if n < threshold}
    if not complementary or not suppressed or not cells:
        return suppressed
    ndim = len(cells[0][0])
    lines: list[list[int]] = []
    for d in range(max(ndim, 1)):
        by_rest: dict[tuple[Hashable, ...], list[int]] = {}
        for i, (key, _) in enumerate(cells):
            by_rest.setdefault(tuple(v for j, v in enumerate(key) if j != d), []).append(i)
        lines.extend(by_rest.values())
    changed = True
    while changed:
        changed = False
        for line in lines:
            hidden = [i for i in line if i in suppressed]
            if len(hidden) == 1 and len(line) > 1:
                shown = [i for i in line if i not in suppressed]
                suppressed.add(min(shown, key=lambda i: (cells[i][1], i)))
                changed = True
    return suppressed


@functools.cache
def _dp() -> Any:
    import opendp.prelude as dp

    dp.enable_features("contrib")
    return dp


def add_noise(
    values: Sequence[float],
    *,
    sensitivity: float,
    epsilon: float,
    mechanism: str = "laplace",
    delta: float = 1e-7,
) -> tuple[list[float], float]:
    """``values`` with noise such that releasing them costs at most ``epsilon`` (and ``delta`` for
    the Gaussian mechanism) when one person changes them by ``sensitivity`` in total (L1 for
    Laplace, L2 for Gaussian). Returns ``(noisy values, ε accounted by OpenDP)``."""
    if epsilon <= 0 or sensitivity <= 0:
        raise ValueError("epsilon and sensitivity must be positive")
    dp = _dp()
    domain = dp.vector_domain(dp.atom_domain(T=float, nan=False))
    data = [float(v) for v in values]
    if mechanism == "laplace":

        def make(scale: float) -> Any:
            return dp.m.make_laplace(domain, dp.l1_distance(T=float), scale=scale)

        meas = make(sensitivity / epsilon)
        spent = float(meas.map(sensitivity))
    elif mechanism == "gaussian":

        def make(scale: float) -> Any:
            base = dp.m.make_gaussian(domain, dp.l2_distance(T=float), scale=scale)
            return dp.c.make_fix_delta(dp.c.make_zCDP_to_approxDP(base), delta)

        scale = dp.binary_search_param(make, d_in=sensitivity, d_out=(epsilon, delta))
        meas = make(scale)
        spent = float(meas.map(sensitivity)[0])
    else:
        raise ValueError(f"unknown noise mechanism {mechanism!r}")
    return [float(v) for v in meas(data)], spent
