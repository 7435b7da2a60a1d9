"""Data frames in a lesson: the empty corner of the header is a data cell, not an empty header
cell (axe-core's empty-table-header), and the rest of the table is pandas' own."""
import pandas as pd

from course import tables


def test_the_empty_corner_becomes_a_data_cell_and_nothing_else_changes():
    frame = pd.DataFrame({"grade": [1, 2], "buyers": [410, 380]})
    html = tables.frame_html(frame)
    assert "<th></th>" not in html and "<td></td>" in html
    assert html.replace("<td></td>", "<th></th>", 1) == frame._repr_html_()
    named = frame.set_index("grade")  # a named index: pandas adds a second header row
    assert "<th></th>" not in tables.frame_html(named)
    assert "<th>grade</th>" in tables.frame_html(named)


def test_install_registers_the_formatter_in_a_shell_once_and_nothing_outside(monkeypatch):
    import IPython

    monkeypatch.setattr(tables, "_installed", False)
    monkeypatch.setattr(IPython, "get_ipython", lambda: None)
    assert tables.install() is False
    registered = []

    class Formatter:
        def for_type_by_name(self, module, name, fn):
            registered.append((module, name, fn))

    class Shell:
        display_formatter = type("D", (), {"formatters": {"text/html": Formatter()}})()

    monkeypatch.setattr(IPython, "get_ipython", lambda: Shell())
    assert tables.install() is True and tables.install() is True
    assert registered == [("pandas", "DataFrame", tables.frame_html),
                          ("pandas.core.frame", "DataFrame", tables.frame_html)]
    assert pd.DataFrame.__module__ in {module for module, _, _ in registered}
