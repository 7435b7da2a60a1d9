"""The report's charts: SVG drawn by hand, with what the figures say and labels escaped."""
from __future__ import annotations

import subprocess
import sys
from xml.etree import ElementTree

from course.instructor import charts

NS = "{http://www.w3.org/2000/svg}"


def _bars(svg: str, fill: str) -> list[dict]:
    root = ElementTree.fromstring(svg)
    return [r.attrib for r in root.iter(f"{NS}rect") if r.get("fill") == fill]


def _texts(svg: str) -> list[str]:
    return [t.text for t in ElementTree.fromstring(svg).iter(f"{NS}text")]


def test_histogram_counts_ten_bins_the_last_one_closed():
    svg = charts.histogram([0, 5, 9.99, 10, 55, 99, 100, 100], pass_mark=60, title="t",
                           xlabel="x", ylabel="y")
    bars = _bars(svg, "#4c72b0")
    # bins [0,10) holds 3, [10,20) 1, [50,60) 1, [90,100] 3: four bars, heights 3:1:1:3
    heights = [float(b["height"]) for b in sorted(bars, key=lambda b: float(b["x"]))]
    assert len(heights) == 4
    assert abs(heights[0] - 3 * heights[1]) < 0.2 and heights[0] == heights[3]
    assert heights[1] == heights[2]


def test_bar_lengths_follow_the_percentages():
    svg = charts.bars_across(["a", "b"], [25, 100], [50, 100], title="t", xlabel="x")
    widths = [float(b["width"]) for b in _bars(svg, "#dd8452")]
    assert abs(widths[1] - 4 * widths[0]) < 0.5
    svg = charts.bars_up(["01", "02", "03"], [0, 50, 100], title="t", xlabel="x", ylabel="y")
    heights = [float(b["height"]) for b in _bars(svg, "#55a868")]
    assert heights[0] == 0 and abs(heights[2] - 2 * heights[1]) < 0.2


def test_labels_are_escaped_and_kept_whole_when_short():
    evil = '<script>alert("x")</script>&'
    svg = charts.bars_across([evil, "客户关系"], [10, 20], [30, 40], title=evil, xlabel="x")
    assert "<script" not in svg
    root = ElementTree.fromstring(svg)  # still well-formed
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    assert evil in _texts(svg) and "客户关系" in _texts(svg)


def test_a_report_imports_no_plotting_or_array_library(tmp_path):
    code = (
        "import sys\n"
        "from course.instructor.report import build_report, write_report\n"
        "import pathlib\n"
        f"r = build_report([pathlib.Path({str(tmp_path)!r})])\n"
        f"write_report(r, pathlib.Path({str(tmp_path / 'out')!r}))\n"
        "heavy = [m for m in ('matplotlib', 'pandas', 'numpy') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "report.html").exists()
