"""The closing case of a lesson in Voila: each sample answer stays hidden until it is opened."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

pytestmark = pytest.mark.browser

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
LOAD_TIMEOUT_MS = 180_000


def test_sample_answers_open_on_request_in_voila(shared_voila, page, tmp_path):
    lesson = nbformat.read(NOTEBOOKS / "01-relationships.ipynb", as_version=4)
    case = next(c for c in lesson.cells if c.source.startswith("## Case"))
    first_answer = re.search(r"</summary>\n\n(.{40})", case.source).group(1)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(case.source),
                                         nbformat.v4.new_code_cell("1 + 1")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, tmp_path / "case.ipynb")
    server = shared_voila(tmp_path / "case.ipynb")
    page.goto(server.url("case.ipynb"), timeout=LOAD_TIMEOUT_MS)
    summaries = page.locator("details > summary")
    summaries.first.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert summaries.count() == 2, server.log_text()[-2000:]
    assert summaries.first.inner_text().strip() == "Sample answer · 参考答案"
    answer = page.get_by_text(first_answer)
    assert not answer.is_visible()
    summaries.first.click()
    answer.wait_for(state="visible", timeout=10_000)
    assert not page.locator("details").nth(1).evaluate("d => d.open")
