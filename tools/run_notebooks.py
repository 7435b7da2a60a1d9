"""Execute the course notebooks in place and store them without widget state.

Every notebook runs with nbclient in a fresh kernel, in the folder ``notebooks/``, with a fresh,
private ``CRM_COURSE_HOME`` (an empty progress store) and no other ``CRM_COURSE_*`` variable, so
the default language and mode apply and nothing of a learner's own work leaks into the stored
outputs. Then the heavy part that nbval never compares is removed:

- the notebook metadata ``widgets`` (the saved state of every widget model, ~0.8 MB a lesson);
- the ``application/vnd.jupyter.widget-view+json`` part of each output, which points at a widget
  model that is no longer stored (JupyterLab shows the ``text/plain`` part until the cell runs);
- the timing metadata nbclient may add.

Consecutive stream outputs of one cell (stdout, stderr) are joined into one, because the kernel
splits a long print into chunks at random points; joined, two runs store the same bytes.

The ``text/plain``, ``text/html``, ``text/markdown``, ``image/png`` outputs and the streams stay,
so ``pytest notebooks/`` (nbval) still compares what a learner sees as text.

Usage::

    python tools/run_notebooks.py            # every notebook in notebooks/
    python tools/run_notebooks.py 02-idic    # only these (slugs or file names)
    python tools/run_notebooks.py --check    # execute into a scratch copy, report, write nothing
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
MAX_BYTES = 200_000
CELL_TIMEOUT_S = 300


def kernel_env(home: str) -> dict[str, str]:
    """The environment a notebook kernel gets: ours without CRM_COURSE_*, a private home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRM_COURSE_")}
    env["CRM_COURSE_HOME"] = home
    env["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    # the worktree's `course` first, whatever is installed in the environment
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    env["PYTHONHASHSEED"] = "0"
    return env


def coalesce_streams(outputs: list) -> list:
    """Join consecutive stream outputs of the same name (stdout or stderr) into one."""
    joined: list = []
    for output in outputs:
        if (output.get("output_type") == "stream" and joined
                and joined[-1].get("output_type") == "stream"
                and joined[-1].get("name") == output.get("name")):
            joined[-1]["text"] = "".join(joined[-1]["text"]) + "".join(output["text"])
        else:
            if output.get("output_type") == "stream":
                output["text"] = "".join(output["text"])
            joined.append(output)
    return joined


#: The tag of a cell that checks an answer the learner gives first (the toolkit's decision run
#: under the question): stored without its output, so that reading the notebook does not give
#: the answer away; it also carries nbval's ``nbval-ignore-output`` (nbval still runs it).
ANSWER_CHECK = "answer-check"


def strip(nb) -> dict:
    """Remove widget state and timing metadata in place, and the outputs of the cells tagged
    ``answer-check``; return what was removed (counts)."""
    removed = {"widget_state": 0, "widget_views": 0}
    if "widgets" in nb.metadata:
        del nb.metadata["widgets"]
        removed["widget_state"] = 1
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        if ANSWER_CHECK in cell.metadata.get("tags", []):
            cell.outputs = []
            continue
        cell.outputs = coalesce_streams(cell.get("outputs", []))
        for output in cell.get("outputs", []):
            data = output.get("data")
            if data and WIDGET_VIEW in data:
                del data[WIDGET_VIEW]
                removed["widget_views"] += 1
            output.get("metadata", {}).pop(WIDGET_VIEW, None)
    return removed


def problems(nb) -> list[str]:
    """Outputs a learner should never see in a stored lesson: errors and stderr."""
    found = []
    for i, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                found.append(f"cell {i}: error {output.get('ename')}: {output.get('evalue')}")
            elif output.get("output_type") == "stream" and output.get("name") == "stderr":
                text = "".join(output.get("text", "")).strip().splitlines()
                found.append(f"cell {i}: stderr: {text[-1] if text else ''}"[:200])
    return found


def execute(path: Path, timeout: int = CELL_TIMEOUT_S):
    """Run one notebook in a fresh kernel and private home; return the executed notebook."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory(prefix="crm-course-run-home-") as home:
        saved = dict(os.environ)
        os.environ.clear()
        os.environ.update(kernel_env(home))  # the kernel process inherits this environment
        try:
            client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                                    resources={"metadata": {"path": str(path.parent)}},
                                    record_timing=False, allow_errors=False)
            client.execute()
        finally:
            os.environ.clear()
            os.environ.update(saved)
    return nb


def select(names: list[str]) -> list[Path]:
    """The lessons (NN-slug.ipynb) and the instructor notebooks, or the ones ``names`` gives."""
    paths = sorted(NOTEBOOKS.glob("*.ipynb"))
    if not names:
        return paths
    wanted = {Path(n).name.removesuffix(".ipynb") for n in names}
    unknown = wanted - {p.stem for p in paths}
    if unknown:
        known = ", ".join(p.stem for p in paths)
        raise SystemExit(f"No notebook named {', '.join(sorted(unknown))} in notebooks/. "
                         f"Known: {known}.")
    return [p for p in paths if p.stem in wanted]


def main(argv: list[str] | None = None) -> int:
    import nbformat
    from nbclient.exceptions import CellExecutionError

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="notebooks to run (slugs or file names)")
    parser.add_argument("--check", action="store_true",
                        help="execute and report, but do not write the notebooks")
    parser.add_argument("--timeout", type=int, default=CELL_TIMEOUT_S,
                        help=f"seconds one cell may take (default {CELL_TIMEOUT_S})")
    args = parser.parse_args(argv)

    failed = False
    for path in select(args.names):
        t0 = time.perf_counter()
        try:
            nb = execute(path, args.timeout)
        except CellExecutionError as exc:
            last = str(exc).strip().splitlines()
            print(f"{path.name}: FAILED, notebook not written: {last[-1] if last else exc}")
            failed = True
            continue
        strip(nb)
        text = nbformat.writes(nb) + "\n"
        size = len(text.encode())
        seconds = time.perf_counter() - t0
        notes = problems(nb)
        status = "checked" if args.check else "written"
        print(f"{path.name}: {status}, {size / 1000:.0f} kB, {seconds:.1f} s")
        for note in notes:
            print(f"    warning: {note}")
        if size > MAX_BYTES:
            print(f"    warning: larger than {MAX_BYTES // 1000} kB")
            failed = True
        if not args.check:
            path.write_text(text, encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
