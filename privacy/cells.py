"""Protecting the cells of aggregate query answers (`pubdata query`, `/api/query`): cell suppression with
complementary cells, and calibrated noise. (Aggregate *releases* declared in a manifest are
written by :mod:`privacy.aggregate`.)

* :func:`suppress` — cells counting fewer than ``threshold`` rows are suppressed (primary); then,
  along every dimension, any line of cells (all cells sharing the other dimensions' values,
  whose total another query can give) that holds exactly one suppressed cell gets its smallest
  other cell suppressed too (complementary), until no line has a single suppressed cell. A
  one-dimensional table is one line; a table without dimensions is its one cell.
* :func:`add_noise` / :func:`add_noise_many` — Laplace (ε-DP) or Gaussian ((ε, δ)-DP through
  zCDP) noise with OpenDP, calibrated to each measurement's sensitivity and a privacy-loss target
  for all of them; returns the noisy values and the loss OpenDP accounts for them.

Suppression alone does not stop differencing across queries (two totals that differ by one
person); the policy turns noise on for data about people, under a per-grant budget.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Hashable, Sequence
from typing import Any

__all__ = ["add_noise", "add_noise_many", "noise_tail", "suppress"]


def suppress(
    cells: Sequence[tuple[tuple[Hashable, ...], float]],
    threshold: int,
    *,
    complementary: bool = True,
    total: Hashable | None = None,
    zeros_safe: bool = False,
) -> set[int]:
    """Indices of the cells to suppress. ``cells``: ``(dimension values, row count)`` each.

    ``total``: the dimension value that labels a total (a table with margins, as
    :mod:`privacy.aggregate` publishes it): a line's total is chosen as its complementary cell
    only when no other cell is left. ``zeros_safe``: empty cells (count 0) are not small cells.
    """
    suppressed = {i for i, (_, n) in enumerate(cells) if n < threshold and not (zeros_safe and n <= 0)}
    if not complementary or not suppressed or not cells:
        return suppressed
    ndim = len(cells[0][0])
    lines: list[tuple[int, list[int]]] = []
    for d in range(max(ndim, 1)):
        by_rest: dict[tuple[Hashable, ...], list[int]] = {}
        for i, (key, _) in enumerate(cells):
            by_rest.setdefault(tuple(v for j, v in enumerate(key) if j != d), []).append(i)
        lines.extend((d, line) for line in by_rest.values())

    def cost(d: int, i: int) -> tuple[bool, float, int]:
        key, n = cells[i]
        return (total is not None and d < len(key) and key[d] == total, n, i)

    changed = True
    while changed:
        changed = False
        for d, line in lines:
            hidden = [i for i in line if i in suppressed]
            if len(hidden) == 1 and len(line) > 1:
                shown = [i for i in line if i not in suppressed]
                suppressed.add(min(shown, key=lambda i: cost(d, i)))
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
    (noisy,), spent = add_noise_many([(values, sensitivity)], epsilon=epsilon, mechanism=mechanism, delta=delta)
    return noisy, spent


def add_noise_many(
    measurements: Sequence[tuple[Sequence[float], float]],
    *,
    epsilon: float,
    mechanism: str = "laplace",
    delta: float = 1e-7,
) -> tuple[list[list[float]], float]:
    """Several measurements ``(values, sensitivity)`` released together for ``epsilon`` in total,
    an equal share each (basic composition), in ONE OpenDP measurement: each vector is divided by
    its sensitivity, so the concatenation changes by at most 1 per measurement (L1: m in total;
    L2: √m), noised once, and scaled back. Returns ``(noisy vectors, ε accounted by OpenDP)``."""
    if epsilon <= 0 or not measurements or any(s <= 0 for _, s in measurements):
        raise ValueError("epsilon and every sensitivity must be positive")
    flat = [float(v) / s for values, s in measurements for v in values]
    meas, spent, _ = _measurement(len(measurements), epsilon, mechanism, delta)
    noisy = meas(flat) if flat else []
    out, pos = [], 0
    for values, s in measurements:
        out.append([float(v) * s for v in noisy[pos : pos + len(values)]])
        pos += len(values)
    return out, spent


def _measurement(m: int, epsilon: float, mechanism: str, delta: float) -> tuple[Any, float, float]:
    """The OpenDP measurement of :func:`add_noise_many` for ``m`` measurements of sensitivity 1
    each: ``(measurement, ε it accounts, its noise scale)``."""
    dp = _dp()
    domain = dp.vector_domain(dp.atom_domain(T=float, nan=False))
    if mechanism == "laplace":
        d_in = float(m)
        scale = d_in / epsilon
        meas = dp.m.make_laplace(domain, dp.l1_distance(T=float), scale=scale)
        return meas, float(meas.map(d_in)), scale
    if mechanism == "gaussian":
        d_in = math.sqrt(m)

        def make(scale: float) -> Any:
            base = dp.m.make_gaussian(domain, dp.l2_distance(T=float), scale=scale)
            return dp.c.make_fix_delta(dp.c.make_zCDP_to_approxDP(base), delta)

        scale = dp.binary_search_param(make, d_in=d_in, d_out=(epsilon, delta))
        meas = make(scale)
        return meas, float(meas.map(d_in)[0]), float(scale)
    raise ValueError(f"unknown noise mechanism {mechanism!r}")


def noise_tail(m: int, *, epsilon: float, mechanism: str = "laplace", delta: float = 1e-7, tail: float = 1e-7) -> float:
    """How far the noise :func:`add_noise_many` adds to one value (of sensitivity 1, among ``m``
    measurements for ``epsilon``) exceeds with probability at most ``tail``: a cell whose true
    count is that far below a release threshold is released only that rarely (the threshold of
    DP partition selection when the cells' labels come from the data)."""
    if epsilon <= 0 or m < 1 or not 0 < tail < 0.5:
        raise ValueError("epsilon, m and tail must be positive (tail < 0.5)")
    _, _, scale = _measurement(m, epsilon, mechanism, delta)
    if mechanism == "laplace":  # P(X > t) = exp(-t / b) / 2
        return scale * math.log(1 / (2 * tail))
    return scale * math.sqrt(2 * math.log(1 / (2 * tail)))  # P(Z > z) <= exp(-z^2 / 2) / 2
