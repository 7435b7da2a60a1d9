"""The report's three charts drawn as small SVG documents (no plotting library to import).

Each function returns the text of one SVG image; the page embeds it as a ``data:`` URL in an
``<img>``, where a browser never runs scripts, and every label is XML-escaped here. Drawing
these by hand costs milliseconds, where importing matplotlib for them cost about a second of
every report.
"""
from __future__ import annotations

import math
from xml.sax.saxutils import escape

WIDTH = 672
FONT = ('font-family="system-ui,Segoe UI,Noto Sans,Noto Sans CJK SC,PingFang SC,Microsoft YaHei,'
        'sans-serif"')
AXIS = "#333"
GRID = "#e4e4e4"


def _t(x: float, y: float, text: str, *, size: int = 12, anchor: str = "middle",
       weight: str = "normal", rotate: bool = False) -> str:
    turn = f' transform="rotate(-90 {x:.1f} {y:.1f})"' if rotate else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
            f'font-weight="{weight}"{turn}>{escape(str(text))}</text>')


def _svg(height: int, body: list[str], title: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
            f'viewBox="0 0 {WIDTH} {height}" {FONT} fill="#222">'
            f"<title>{escape(title)}</title>"
            f'<rect width="{WIDTH}" height="{height}" fill="white"/>{"".join(body)}</svg>')


def _nice_step(top: float, ticks: int = 5) -> float:
    """A round tick step (1, 2 or 5 times a power of ten) giving about ``ticks`` ticks."""
    raw = max(top, 1) / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def _label(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def histogram(values: list[float], *, pass_mark: float, title: str, xlabel: str,
              ylabel: str, pass_label: str = "pass mark") -> str:
    """Counts of ``values`` (0-100) in ten bins of 10, the last one closed; a dashed line at
    ``pass_mark``."""
    counts = [0] * 10
    for v in values:
        if 0 <= v <= 100:
            counts[min(int(v // 10), 9)] += 1
    height = 307
    left, right, top, bottom = 60, WIDTH - 20, 34, height - 48
    step = _nice_step(max(counts, default=0))
    y_top = step * math.ceil(max(max(counts, default=0), 1) / step)

    def x_at(v):
        return left + (right - left) * v / 100

    def y_at(n):
        return bottom - (bottom - top) * n / y_top

    body = [_t(WIDTH / 2, 20, title, size=14, weight="bold")]
    n = 0.0
    while n <= y_top + 1e-9:
        y = y_at(n)
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="{GRID}"/>')
        body.append(_t(left - 6, y + 4, f"{n:g}", size=11, anchor="end"))
        n += step
    for i, c in enumerate(counts):
        if c:
            x0, x1 = x_at(10 * i), x_at(10 * i + 10)
            body.append(f'<rect x="{x0:.1f}" y="{y_at(c):.1f}" width="{x1 - x0:.1f}" '
                        f'height="{bottom - y_at(c):.1f}" fill="#4c72b0" stroke="white"/>')
    for v in range(0, 101, 10):
        body.append(_t(x_at(v), bottom + 16, str(v), size=11))
    xp = x_at(min(max(pass_mark, 0), 100))
    body.append(f'<line x1="{xp:.1f}" y1="{top}" x2="{xp:.1f}" y2="{bottom}" stroke="#c44e52" '
                f'stroke-width="2" stroke-dasharray="6 4"/>')
    body.append(_t(xp + 4, top + 12, pass_label, size=11, anchor="start"))
    body.append(f'<path d="M{left} {top}V{bottom}H{right}" fill="none" stroke="{AXIS}"/>')
    body.append(_t((left + right) / 2, height - 12, xlabel))
    body.append(_t(16, (top + bottom) / 2, ylabel, rotate=True))
    return _svg(height, body, title)


def bars_across(labels: list[str], bars: list[float], marks: list[float], *, title: str,
                xlabel: str) -> str:
    """Horizontal bars (0-100) with a tick mark on each, one row per label, top row first."""
    rows = max(len(labels), 2)
    height = int(43 * rows + 115)
    left, right, top, bottom = 242, WIDTH - 24, 43, height - 67
    row_h = (bottom - top) / rows

    def x_at(v):
        return left + (right - left) * min(max(v, 0), 100) / 100

    body = [_t(WIDTH / 2, 24, title, size=14, weight="bold")]
    for v in range(0, 101, 20):
        x = x_at(v)
        body.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom}" stroke="{GRID}"/>')
        body.append(_t(x, bottom + 16, str(v), size=11))
    for i, (label, bar, mark) in enumerate(zip(labels, bars, marks, strict=True)):
        y = top + row_h * i
        body.append(f'<rect x="{left}" y="{y + row_h * 0.15:.1f}" width="{x_at(bar) - left:.1f}" '
                    f'height="{row_h * 0.7:.1f}" fill="#dd8452"/>')
        xm = x_at(mark)
        body.append(f'<line x1="{xm:.1f}" y1="{y + row_h * 0.05:.1f}" x2="{xm:.1f}" '
                    f'y2="{y + row_h * 0.95:.1f}" stroke="#222" stroke-width="3"/>')
        body.append(_t(left - 8, y + row_h / 2 + 4, _label(label, 34), size=11, anchor="end"))
    body.append(f'<path d="M{left} {top}V{bottom}H{right}" fill="none" stroke="{AXIS}"/>')
    body.append(_t((left + right) / 2, height - 24, xlabel))
    return _svg(height, body, title)


def bars_up(labels: list[str], values: list[float], *, title: str, xlabel: str,
            ylabel: str) -> str:
    """Vertical bars (0-100), one per label."""
    height = 307
    left, right, top, bottom = 60, WIDTH - 20, 34, height - 48
    slot = (right - left) / max(len(labels), 1)

    def y_at(v):
        return bottom - (bottom - top) * min(max(v, 0), 100) / 100

    body = [_t(WIDTH / 2, 20, title, size=14, weight="bold")]
    for v in range(0, 101, 20):
        y = y_at(v)
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="{GRID}"/>')
        body.append(_t(left - 6, y + 4, str(v), size=11, anchor="end"))
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        x = left + slot * i
        body.append(f'<rect x="{x + slot * 0.1:.1f}" y="{y_at(value):.1f}" '
                    f'width="{slot * 0.8:.1f}" height="{bottom - y_at(value):.1f}" '
                    f'fill="#55a868"/>')
        body.append(_t(x + slot / 2, bottom + 16, _label(label, max(3, int(slot / 7))),
                       size=11))
    body.append(f'<path d="M{left} {top}V{bottom}H{right}" fill="none" stroke="{AXIS}"/>')
    body.append(_t((left + right) / 2, height - 12, xlabel))
    body.append(_t(16, (top + bottom) / 2, ylabel, rotate=True))
    return _svg(height, body, title)
