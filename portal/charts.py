"""Charts drawn server-side as inline SVG (no JavaScript, no CDN)."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup, escape

__all__ = ["bars_svg", "counts_svg", "lines_svg", "trend_svg"]


def _frame(
    svg_id: str, title: str, width: int, height: int, left: float, top: float, w: float, h: float, n: int
) -> tuple[Callable[[int], float], Callable[[float], float], list[str]]:
    """Scales for n points on a 0-100 axis, and the opening of the SVG with its grid."""

    def x(i: int) -> float:
        return left + (w / 2 if n == 1 else i * w / (n - 1))

    def y(v: float) -> float:
        return top + h - max(0.0, min(100.0, v)) / 100 * h

    parts = [
        f'<svg class="chart" id="{svg_id}" role="img" aria-label="{escape(title)}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        _grid(left, w, y),
    ]
    return x, y, parts


def trend_svg(
    points: list[tuple[str, float, bool]], *, width: int = 560, height: int = 160, title: str = "质量评分趋势"
) -> Markup:
    """A line chart of scores 0-100: ``points`` = ``[(label, score, ok)]`` oldest first."""
    if not points:
        return Markup("")
    left, top = 36, 14
    w, h = width - left - 12, height - top - 26
    n = len(points)
    x, y, parts = _frame("quality-chart", title, width, height, left, top, w, h, n)
    path = " ".join(f"{'M' if i == 0 else 'L'}{x(i):.1f},{y(p[1]):.1f}" for i, p in enumerate(points))
    parts.append(f'<path d="{path}" class="line"/>')
    step = max(1, n // 8)
    for i, (label, score, ok) in enumerate(points):
        parts.append(
            f'<circle cx="{x(i):.1f}" cy="{y(score):.1f}" r="4" class="{"pt" if ok else "pt bad"}">'
            f"<title>{escape(label)}: {score:.1f}</title></circle>"
        )
        if i % step == 0 or i == n - 1:
            parts.append(
                f'<text x="{x(i):.1f}" y="{height - 8}" text-anchor="middle" class="axis">{escape(label)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def _grid(left: float, w: float, y) -> str:
    """Horizontal grid lines and labels at 0, 50 and 100."""
    return "".join(
        f'<line x1="{left}" x2="{left + w}" y1="{y(v):.1f}" y2="{y(v):.1f}" class="grid"/>'
        f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end" class="axis">{v}</text>'
        for v in (0, 50, 100)
    )


_PALETTE = ("#b4232a", "#2f7d32", "#1f5fa8", "#8a5b00", "#6a3d9a", "#00838f", "#5f6b7a", "#d35400")


def lines_svg(
    series: dict[str, list[tuple[str, float]]], *, width: int = 720, height: int = 220, title: str = "综合得分趋势"
) -> Markup:
    """Several 0-100 series over a shared run axis, with a legend: ``{name: [(label, value)]}``."""
    series = {k: v for k, v in series.items() if v}
    if not series:
        return Markup("")
    left, top = 36, 14
    w, h = width - left - 150, height - top - 26
    n = max(len(v) for v in series.values())
    x, y, parts = _frame("scorecard-chart", title, width, height, left, top, w, h, n)
    for k, (name, points) in enumerate(sorted(series.items())):
        color = _PALETTE[k % len(_PALETTE)]
        path = " ".join(f"{'M' if i == 0 else 'L'}{x(i):.1f},{y(v):.1f}" for i, (_, v) in enumerate(points))
        parts.append(f'<path d="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
        for i, (label, v) in enumerate(points):
            parts.append(
                f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3" fill="{color}">'
                f"<title>{escape(name)} {escape(label)}: {v:.1f}</title></circle>"
            )
        ly = top + 14 + 18 * k
        parts.append(
            f'<rect x="{left + w + 14}" y="{ly - 9}" width="10" height="10" fill="{color}"/>'
            f'<text x="{left + w + 30}" y="{ly}" class="axis">{escape(name)}</text>'
        )
    parts.append(
        f'<text x="{left + w / 2:.1f}" y="{height - 6}" text-anchor="middle" class="axis">第 1 … N 次运行</text></svg>'
    )
    return Markup("".join(parts))


def _count_axis(top: float) -> list[float]:
    """Gridline values 0, top/2, top for a count axis (top rounded up to a readable number)."""
    return [0.0, top / 2, top]


def _nice(top: float) -> float:
    if top <= 5:
        return 5.0
    magnitude = 10 ** (len(str(int(top))) - 1)
    return float(-(-top // magnitude) * magnitude)


def bars_svg(
    items: list[tuple[str, float]], *, title: str, svg_id: str = "bars-chart", width: int = 720, bar: int = 22
) -> Markup:
    """Horizontal bars of counts, largest first: ``[(label, value)]`` (labels escaped)."""
    if not items:
        return Markup("")
    left, top = 240, 10
    w = width - left - 60
    height = top + len(items) * (bar + 6) + 10
    scale = max(v for _, v in items) or 1.0
    parts = [
        f'<svg class="chart" id="{svg_id}" role="img" aria-label="{escape(title)}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for i, (label, value) in enumerate(items):
        y = top + i * (bar + 6)
        short = label if len(label) <= 20 else label[:19] + "…"
        parts.append(
            f'<text x="{left - 6}" y="{y + bar * 0.7:.1f}" text-anchor="end" class="axis">{escape(short)}</text>'
            f'<rect x="{left}" y="{y}" width="{max(1.0, w * value / scale):.1f}" height="{bar}" fill="{_PALETTE[2]}">'
            f"<title>{escape(label)}: {value:g}</title></rect>"
            f'<text x="{left + max(1.0, w * value / scale) + 4:.1f}" y="{y + bar * 0.7:.1f}" class="axis">{value:g}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def counts_svg(
    series: dict[str, list[tuple[str, float]]],
    *,
    title: str,
    svg_id: str = "counts-chart",
    width: int = 720,
    height: int = 220,
) -> Markup:
    """Several count series over a shared axis of labels (e.g. days), with a legend."""
    series = {k: v for k, v in series.items() if v}
    if not series:
        return Markup("")
    left, top = 44, 14
    w, h = width - left - 150, height - top - 26
    n = max(len(v) for v in series.values())
    peak = _nice(max(v for pts in series.values() for _, v in pts))

    def x(i: int) -> float:
        return left + (w / 2 if n == 1 else i * w / (n - 1))

    def y(v: float) -> float:
        return top + h - max(0.0, v) / peak * h

    parts = [
        f'<svg class="chart" id="{svg_id}" role="img" aria-label="{escape(title)}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for v in _count_axis(peak):
        parts.append(
            f'<line x1="{left}" x2="{left + w}" y1="{y(v):.1f}" y2="{y(v):.1f}" class="grid"/>'
            f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end" class="axis">{v:g}</text>'
        )
    labels = next(iter(series.values()))
    step = max(1, n // 8)
    for i, (label, _) in enumerate(labels):
        if i % step == 0 or i == n - 1:
            parts.append(
                f'<text x="{x(i):.1f}" y="{height - 8}" text-anchor="middle" class="axis">{escape(label)}</text>'
            )
    for k, (name, points) in enumerate(sorted(series.items())):
        color = _PALETTE[k % len(_PALETTE)]
        path = " ".join(f"{'M' if i == 0 else 'L'}{x(i):.1f},{y(v):.1f}" for i, (_, v) in enumerate(points))
        parts.append(f'<path d="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
        for i, (label, v) in enumerate(points):
            parts.append(
                f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3" fill="{color}">'
                f"<title>{escape(name)} {escape(label)}: {v:g}</title></circle>"
            )
        ly = top + 14 + 18 * k
        parts.append(
            f'<rect x="{left + w + 14}" y="{ly - 9}" width="10" height="10" fill="{color}"/>'
            f'<text x="{left + w + 30}" y="{ly}" class="axis">{escape(name)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
