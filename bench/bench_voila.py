"""Benchmark of the lessons opened in Voila (issue 13): time to the first exercise in Chromium.

For each lesson 01-08 a Voila server (one per variant, serving a copy of notebooks/ as the
browser tests do) is opened in Debian's headless Chromium through Playwright. In the page, from
navigation start: when the first exercise widget is visible, when the page is fully rendered
(every cell run and shown), and whether the page responds while later cells still run (a scroll,
a Check press answered, the longest main-thread task). Variants are interleaved, lesson by
lesson, so that they share the machine's load.

Where the time goes is measured apart, in a real kernel (nbclient): kernel start, the first cell
split into its statements (``import course``, ``course.lesson(...)``, ``lesson.header()``), every
cell's own time, the cell at which pandas, matplotlib, ipywidgets, wordfreq, vaderSentiment...
are first imported, and each of those imports alone in a fresh interpreter.

Run: .venv/bin/python bench/bench_voila.py [--repeat N] [--baseline REV] [--progressive-only]
[--no-write] [NN ...]
``--baseline REV`` also serves the course package, bank, data and lessons of git revision REV,
with Voila's default options (the "before") and with progressive rendering, in the same run;
``--progressive-only`` leaves out the variants with Voila's default options.
"""
from __future__ import annotations

import argparse
import ast
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import machine, write_section  # noqa: E402
from course.instructor.present import VOILA_OPTIONS  # noqa: E402

sys.path.insert(0, str(ROOT / "tests"))
from support import VoilaServer, wait_until  # noqa: E402

NOTEBOOKS = ROOT / "notebooks"
HEADING = "Lessons in Voila (issue 13)"
TARGET_S = 4.0
CHROMIUM = os.environ.get("CRM_COURSE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
PAGE_TIMEOUT_S = 120.0
HEAVY = ["pandas", "numpy", "matplotlib", "ipywidgets", "jsonschema", "wordfreq",
         "vaderSentiment", "yaml", "course.crm", "course.writing"]

# Installed before any page script: polls the page every 20 ms and records, from navigation
# start (performance.now()), when the first exercise is visible and when every cell is shown.
# Once the first exercise shows while cells still run, it probes the page: a scroll (time to
# the scroll event) and a Check press on that exercise (time until its feedback changes,
# which needs the kernel).
MARKS_JS = """
(() => {
  const m = {longest: 0, longtasks: []};
  window.__crm = m;
  try {
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) m.longtasks.push([e.startTime, e.duration]);
    }).observe({type: 'longtask', buffered: true});
  } catch (e) {}
  // the execution socket of progressive rendering: when it opens, when each cell's result comes
  m.ws = [];
  m.cells = [];
  const NativeWS = window.WebSocket;
  const Hooked = function (url, protocols) {
    const ws = protocols === undefined ? new NativeWS(url) : new NativeWS(url, protocols);
    const kind = String(url).includes('/voila/execution') ? 'exec'
      : String(url).includes('/channels') ? 'kernel' : 'other';
    m.ws.push([kind, 'new', performance.now()]);
    ws.addEventListener('open', () => m.ws.push([kind, 'open', performance.now()]));
    if (kind === 'exec') ws.addEventListener('message', e => {
      try {
        const d = JSON.parse(e.data);
        if (d.action === 'execution_result') m.cells.push([d.payload.cell_index,
                                                           performance.now()]);
      } catch (err) {}
    });
    return ws;
  };
  Hooked.prototype = NativeWS.prototype;
  Object.assign(Hooked, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
  window.WebSocket = Hooked;
  const shown = el => !!(el && el.getClientRects().length);
  const allShown = () => {
    const cells = document.getElementById('rendered_cells');
    return cells && cells.style.display !== 'none' && !document.getElementById('loading')
      && document.querySelector('[cell-index]')
      && !document.querySelector('.voila-skeleton-container')
      && document.querySelectorAll('.course-exercise').length >= (window.__crmExpect || 1);
  };
  const probe = () => {
    const t0 = performance.now();  // a task posted now: how long until the page runs it
    setTimeout(() => { m.scroll = performance.now() - t0; }, 0);
    const pick = ex0 => ex0 && ex0.scrollIntoView();
    pick(document.querySelector('.course-exercise'));
    const ex = document.querySelector('.course-exercise');
    const button = ex && ex.querySelector('button.course-check');
    const feedback = ex && ex.querySelector('.course-feedback');
    if (!button || !feedback) { m.click = 'no Check button'; return; }
    const before = feedback.innerHTML;
    const t1 = performance.now();
    m.clickAt = t1;
    new MutationObserver((_, obs) => {
      if (feedback.innerHTML !== before) { obs.disconnect(); m.clickReply = performance.now(); }
    }).observe(feedback, {subtree: true, childList: true, characterData: true,
                          attributes: true});
    button.click();
  };
  const poll = () => {
    const now = performance.now();
    if (m.first === undefined && shown(document.querySelector('.course-exercise'))) {
      m.first = now;
      if (!allShown()) { m.probed = true; setTimeout(probe, 0); }
    }
    if (m.first !== undefined && m.full === undefined && allShown()) m.full = now;
    if (m.full === undefined) setTimeout(poll, 20);
  };
  poll();
})();
"""

SHUTDOWN_JS = """async () => {
  const config = JSON.parse(document.getElementById('jupyter-config-data').textContent);
  // Voila's page sets no _xsrf cookie; the server accepts a cookie and header that match
  let xsrf = (document.cookie.match(/_xsrf=([^;]+)/) || [])[1];
  if (!xsrf) { xsrf = 'bench' + Math.random().toString(16).slice(2); document.cookie = '_xsrf=' + xsrf + '; path=/'; }
  const r = await fetch(config.baseUrl + 'voila/api/shutdown/' + config.kernelId,
                        {method: 'POST', headers: {'X-XSRFToken': xsrf}});
  return r.status;
}"""


# -- where the time goes, in a real kernel ----------------------------------------------------

def _first_cell_statements(source: str) -> list[str]:
    """The first cell's top-level statements, one cell each (import, lesson(), header())."""
    tree = ast.parse(source)
    lines = source.splitlines()
    return ["\n".join(lines[node.lineno - 1:node.end_lineno]) for node in tree.body]


PROBE = ("import sys as _s; print('__heavy__', [m for m in {heavy!r} if m in _s.modules])")


def kernel_breakdown(path: Path, env_extra: dict) -> dict:
    """Kernel start, each cell's own time, and the cell at which each heavy module arrives."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    first_ex = next(i for i, c in enumerate(code) if "lesson[" in c.source)
    cells, labels = [], []
    for i, cell in enumerate(code):
        parts = _first_cell_statements(cell.source) if i == 0 else [cell.source]
        for j, part in enumerate(parts):
            cells.append(nbformat.v4.new_code_cell(part))
            labels.append((i, part.strip().splitlines()[-1][:48] if i == 0 else
                           cell.source.strip().splitlines()[0][:48], j == len(parts) - 1))
            cells.append(nbformat.v4.new_code_cell(PROBE.format(heavy=HEAVY)))
            labels.append(None)
    run = nbformat.v4.new_notebook(metadata=nb.metadata)
    run.cells = cells
    with tempfile.TemporaryDirectory(prefix="crm-bench-home-") as home:
        saved = {k: os.environ.get(k) for k in ["CRM_COURSE_HOME", *env_extra]}
        os.environ.update(CRM_COURSE_HOME=home, **env_extra)
        try:
            client = NotebookClient(run, timeout=120, kernel_name="python3",
                                    resources={"metadata": {"path": str(path.parent)}})
            timings = []
            t0 = time.perf_counter()

            async def go():
                async with client.async_setup_kernel():
                    timings.append(time.perf_counter() - t0)  # kernel started and ready
                    for index, cell in enumerate(client.nb.cells):
                        t = time.perf_counter()
                        await client.async_execute_cell(cell, index)
                        timings.append(time.perf_counter() - t)

            from jupyter_core.utils import run_sync

            run_sync(go)()
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
    kernel_start, steps = timings[0], timings[1:]
    rows, arrived, seen = [], {}, set()
    for label, cell, seconds in zip(labels, run.cells, steps, strict=True):
        if label is not None:
            rows.append({"cell": label[0] + 1, "what": label[1], "s": seconds})
            continue
        text = "".join(o.get("text", "") for o in cell.outputs)
        mods = ast.literal_eval(text.split("__heavy__", 1)[1].strip()) if "__heavy__" in text \
            else []
        for mod in mods:
            if mod not in seen:
                seen.add(mod)
                arrived[mod] = rows[-1]["cell"]
    before_first = sum(r["s"] for r in rows if r["cell"] <= first_ex + 1)
    return {"kernel_start": kernel_start, "rows": rows, "arrived": arrived,
            "first_ex_cell": first_ex + 1, "to_first": before_first,
            "all_cells": sum(r["s"] for r in rows), "code_cells": len(code)}


def import_cost(module: str, repeat: int, pythonpath: str) -> float:
    """Median seconds to import ``module`` alone in a fresh interpreter (after IPython, as in a
    kernel)."""
    code = ("import time, IPython; t = time.perf_counter(); import " + module +
            "; print(time.perf_counter() - t)")
    env = dict(os.environ, PYTHONPATH=pythonpath)
    out = [float(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                                text=True, check=True).stdout) for _ in range(repeat)]
    return statistics.median(out)


# -- the browser ------------------------------------------------------------------------------

def Server(name: str, options: list[str], pythonpath: str, work: Path) -> VoilaServer:
    """One Voila server on a copy of notebooks/ (a private home), stopped by ``stop()``."""
    folder = work / f"served-{name}"
    # the lessons of the same tree as the course package (a baseline brings its own)
    notebooks = Path(pythonpath) / "notebooks"
    shutil.copytree(notebooks if notebooks.is_dir() else NOTEBOOKS, folder)
    # kernels write and reuse .pyc files, as in an installed course
    for var in ("CRM_COURSE_MODE", "CRM_COURSE_PRESENTER", "CRM_COURSE_LANG",
                "PYTHONDONTWRITEBYTECODE"):
        os.environ.pop(var, None)
    server = VoilaServer(folder, work / f"home-{name}", options=options, pythonpath=pythonpath,
                         log=work / f"voila-{name}.log", start_timeout=90)
    server.name = name
    return server


def _first_exercise_cell_index(path: Path) -> int:
    """The index (among all cells) of the first cell that shows an exercise."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    return next(i for i, c in enumerate(nb.cells)
                if c.cell_type == "code" and "lesson[" in c.source)


def expected_exercises(path: Path) -> int:
    """Exercise widgets the lesson shows: cells showing ``lesson[...]`` as their value."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    count = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        last = cell.source.strip().splitlines()[-1] if cell.source.strip() else ""
        if last.startswith("lesson[") and not last.endswith(";"):
            count += 1
    return count


def measure_page(browser, url: str, expect: int) -> dict:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    context.route("https://**", lambda route: route.abort())  # no CDN fonts here
    context.add_init_script(MARKS_JS.replace(
        "(() => {", f"(() => {{ window.__crmExpect = {expect};", 1))
    page = context.new_page()
    try:
        page.goto(url, wait_until="commit", timeout=PAGE_TIMEOUT_S * 1000)
        page.wait_for_function("window.__crm && window.__crm.full !== undefined",
                               timeout=PAGE_TIMEOUT_S * 1000, polling=100)
        if page.evaluate("window.__crm.probed === true"):
            page.wait_for_function("window.__crm.clickReply !== undefined", timeout=30_000,
                                   polling=100)
        m = page.evaluate("""() => {
          const nav = performance.getEntriesByType('navigation')[0] || {};
          const js = performance.getEntriesByType('resource')
            .filter(e => e.name.endsWith('/voila.js'))[0] || {};
          return {...window.__crm, shown: document.querySelectorAll('.course-exercise').length,
                  responseStart: nav.responseStart, responseEnd: nav.responseEnd,
                  domReady: nav.domContentLoadedEventEnd, jsEnd: js.responseEnd};
        }""")
    finally:
        try:  # the kernel is shut down here, so that no kernel is left running
            status = page.evaluate(SHUTDOWN_JS)
        except Exception:  # noqa: BLE001 - a page that never got a kernel
            status = None
        if status != 204:
            print(f"warning: the page's kernel was not shut down (HTTP {status}); the next "
                  "load waits for it", file=sys.stderr)
        page.close()
        context.close()
    first, full = m["first"] / 1000, m["full"] / 1000
    out = {"first": first, "full": full, "shown": m["shown"], "probed": bool(m.get("probed"))}
    window = [d for start, d in m.get("longtasks", []) if m["first"] <= start <= m["full"]]
    for key in ("responseStart", "responseEnd", "domReady", "jsEnd"):
        out[key] = m[key] / 1000 if m.get(key) else None
    opened = [t for kind, what, t in m["ws"] if kind == "exec" and what == "open"]
    kernel = [t for kind, what, t in m["ws"] if kind == "kernel" and what == "open"]
    out["exec_open"] = opened[0] / 1000 if opened else None
    out["kernel_ws"] = kernel[0] / 1000 if kernel else None
    out["cells"] = {i: t / 1000 for i, t in m["cells"]}
    out["longest_task_ms"] = max(window, default=0.0)
    if out["probed"]:
        out["scroll_ms"] = m.get("scroll")
        out["click_ms"] = m["clickReply"] - m["clickAt"]
        out["click_before_full"] = m["clickReply"] < m["full"]
    return out


def timeline(r: dict) -> str:
    """The page's milestones in seconds from navigation start."""
    marks = [("first byte", r.get("responseStart")), ("HTML done", r.get("responseEnd")),
             ("voila.js", r.get("jsEnd")), ("kernel socket", r.get("kernel_ws")),
             ("execution socket", r.get("exec_open"))]
    cells = r.get("cells") or {}
    if cells:
        marks.append(("cell 1 result", cells.get(0)))
    return ", ".join(f"{name} {t:.2f}" for name, t in marks if t is not None)


def wait_kernels_gone(servers, timeout: float = 20.0) -> None:
    try:
        wait_until(lambda: not any(s.kernels() for s in servers), timeout,
                   what="every kernel gone", interval=0.3)
    except TimeoutError as exc:  # measured anyway; said in the output
        print(f"note: {exc}", file=sys.stderr)


def baseline_tree(rev: str, work: Path) -> Path:
    """The course package, bank, data and lessons of git revision ``rev``, unpacked under
    ``work`` (so that a change in a lesson's order of cells is measured too)."""
    dest = work / f"baseline-{rev[:12]}"
    dest.mkdir()
    archive = subprocess.run(["git", "archive", rev, "course", "exercises", "data", "notebooks"],
                             cwd=ROOT,
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest


def fmt(x: float) -> str:
    return f"{x:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="page loads per lesson and "
                                                              "variant (default 3)")
    parser.add_argument("--baseline", metavar="REV", help="also serve the course package, "
                        "bank, data and lessons of this git revision, with Voila's default "
                        "options (the 'before') and with progressive rendering")
    parser.add_argument("--progressive-only", action="store_true",
                        help="measure only the variants with progressive rendering (with "
                             "--baseline: that revision's and this one's)")
    parser.add_argument("--skip-kernel", action="store_true",
                        help="skip the in-kernel breakdown")
    parser.add_argument("--no-write", action="store_true",
                        help="print only, do not update docs/benchmarks.md")
    parser.add_argument("names", nargs="*", help="only these lessons (e.g. 01 04)")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if not os.access(CHROMIUM, os.X_OK):
        print(f"No Chromium at {CHROMIUM}: install Debian's chromium (apt-get install -y "
              "chromium).")
        return 1
    from playwright.sync_api import sync_playwright

    paths = sorted(p for p in NOTEBOOKS.glob("0[1-8]-*.ipynb"))
    if args.names:
        paths = [p for p in paths if any(p.stem.startswith(n) for n in args.names)]
    if not paths:
        print("No lessons matched.")
        return 1
    import signal

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stop the servers on a kill too
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # kernels reuse .pyc, as installed
    started = datetime.now(timezone.utc)
    loads = [os.getloadavg()[0]]
    here = str(ROOT)
    with tempfile.TemporaryDirectory(prefix="crm-bench-voila-") as tmp:
        work = Path(tmp)
        variants = []  # (name, options, PYTHONPATH)
        if args.baseline:
            rev = subprocess.run(["git", "rev-parse", "--short", args.baseline], cwd=ROOT,
                                 capture_output=True, text=True, check=True).stdout.strip()
            tree = str(baseline_tree(args.baseline, work))
            if not args.progressive_only:
                variants.append((f"before ({rev}, default Voila)", [], tree))
            variants.append((f"progressive, {rev}", list(VOILA_OPTIONS), tree))
        elif not args.progressive_only:
            variants.append(("default Voila, this code", [], here))
        variants.append(("after (progressive, this code)", list(VOILA_OPTIONS), here))
        servers = []
        try:
            for i, (_name, options, pypath) in enumerate(variants):
                servers.append(Server(f"v{i}", options, pypath, work))
            results = {v[0]: {p.name: [] for p in paths} for v in variants}
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS,
                                             headless=True)
                try:
                    for server in servers:  # warm-up: bytecode written, disk caches filled
                        measure_page(browser, server.url(paths[0].name),
                                     expected_exercises(paths[0]))
                    wait_kernels_gone(servers)
                    for path in paths:
                        expect = expected_exercises(path)
                        # each server's own copy: a baseline's cells may come in another order
                        first_cell = [_first_exercise_cell_index(server.folder / path.name)
                                      for server in servers]
                        for rep in range(args.repeat):
                            order = list(range(len(variants)))
                            order = order[rep % len(order):] + order[:rep % len(order)]
                            for i in order:
                                r = measure_page(browser, servers[i].url(path.name), expect)
                                r["first_cell"] = r["cells"].get(first_cell[i])
                                results[variants[i][0]][path.name].append(r)
                                print(f"{path.name} [{variants[i][0]}] run {rep + 1}: first "
                                      f"{r['first']:.2f} s, full {r['full']:.2f} s, "
                                      f"exercises {r['shown']}/{expect}, "
                                      f"click {r.get('click_ms', float('nan')):.0f} ms; "
                                      + timeline(r),
                                      flush=True)
                                wait_kernels_gone(servers)
                            loads.append(os.getloadavg()[0])
                finally:
                    browser.close()
        finally:
            for server in servers:
                server.stop()

    breakdown = {}
    costs = {}
    if not args.skip_kernel:
        for path in paths:
            breakdown[path.name] = kernel_breakdown(path, {"PYTHONPATH": here})
            b = breakdown[path.name]
            print(f"{path.name}: kernel start {b['kernel_start']:.2f} s, cells to first "
                  f"exercise {b['to_first']:.2f} s, all cells {b['all_cells']:.2f} s, "
                  f"modules first imported at cell {b['arrived']}", flush=True)
            loads.append(os.getloadavg()[0])
        for module in ["pandas", "matplotlib.pyplot", "ipywidgets", "jsonschema", "wordfreq",
                       "vaderSentiment.vaderSentiment"]:
            costs[module] = import_cost(module, 3, here)
            print(f"import {module}: {costs[module]:.2f} s", flush=True)
    loads.append(os.getloadavg()[0])

    body = report(args, started, loads, variants, results, breakdown, costs, paths)
    print()
    print(body)
    if not args.no_write:
        write_section(HEADING, body)
        print(f"\nWritten to the section '{HEADING}' of docs/benchmarks.md.")
    return 0


def _med(rows: list[dict], key: str) -> float:
    values = [r[key] for r in rows if r.get(key) is not None]
    return statistics.median(values) if values else float("nan")


def report(args, started, loads, variants, results, breakdown, costs, paths) -> str:
    names = [v[0] for v in variants]
    lines = [
        f"Measured by `bench/bench_voila.py` on {started:%Y-%m-%d %H:%M} UTC; machine: "
        f"{machine('voila', 'playwright')}; Chromium {CHROMIUM} headless. Load average (1 min) "
        f"during the run: {min(loads):.1f} to {max(loads):.1f}, median "
        f"{statistics.median(loads):.1f} (the run's own Chromium, Voila servers and kernels "
        "count in it, as does any other work on the machine).",
        "",
        f"Each lesson was opened {args.repeat} time(s) per variant in a fresh page (a new "
        "kernel each time, fresh progress store per server), variants interleaved. Times are "
        "from navigation start: *first* = the first exercise widget visible, *full* = every "
        "cell run and shown. Target: first exercise under "
        f"{TARGET_S:.0f} s. Variants: "
        + "; ".join(f"**{n}** (`{' '.join(v[1]) or 'voila'}`)" for n, v in zip(names, variants, strict=True))
        + ".",
        "",
        "| lesson | " + " | ".join(f"first, {n} (s)" for n in names) + " | "
        + " | ".join(f"full, {n} (s)" for n in names) + " |",
        "|---|" + "---:|" * (2 * len(names)),
    ]
    for path in paths:
        firsts = [fmt(_med(results[n][path.name], "first")) for n in names]
        fulls = [fmt(_med(results[n][path.name], "full")) for n in names]
        lines.append(f"| {path.stem} | " + " | ".join(firsts) + " | " + " | ".join(fulls) + " |")
    all_first = {n: [_med(results[n][p.name], "first") for p in paths] for n in names}
    lines.append("")
    ratios = "" if len(names) < 2 else (" Ratio of the last variant to the first, lesson by "
                                        "lesson: " + ", ".join(
        f"{p.stem[:2]} {all_first[names[-1]][i] / all_first[names[0]][i]:.2f}"
        for i, p in enumerate(paths)) + ".")
    lines.append("Worst lesson's median first-exercise time: " + "; ".join(
        f"{n}: {max(all_first[n]):.1f} s" for n in names) + "." + ratios)
    lines += ["", "Where the page's time goes (medians, seconds from navigation start): the first "
              "byte of the page, the page fully received, the kernel's socket opened by the "
              "page's scripts (widgets can show from then on), and with progressive rendering "
              "the execution socket and the result of the first exercise's cell.", "",
              "| lesson | variant | first byte | page received | kernel socket | execution "
              "socket | first exercise's cell result | first exercise shown |",
              "|---|---|---:|---:|---:|---:|---:|---:|"]
    for path in paths:
        for n in names:
            rows = results[n][path.name]
            vals = [_med(rows, k) for k in ("responseStart", "responseEnd", "kernel_ws",
                                             "exec_open", "first_cell", "first")]
            lines.append(f"| {path.stem} | {n} | " + " | ".join(
                "-" if v != v else f"{v:.2f}" for v in vals) + " |")
    last = names[-1]
    probed = [r for p in paths for r in results[last][p.name] if r["probed"]]
    lines += [
        "",
        f"Responsiveness, **{last}**: in {len(probed)} of "
        f"{sum(len(results[last][p.name]) for p in paths)} loads the first exercise showed "
        "while later cells still ran; then the page ran a task posted then within a median "
        f"{_med(probed, 'scroll_ms'):.0f} ms (the delay of a task posted then: what a scroll or key press waits) and a Check press on the first exercise was "
        f"answered (feedback shown) in a median {_med(probed, 'click_ms'):.0f} ms "
        f"(max {max((r['click_ms'] for r in probed), default=float('nan')):.0f} ms), "
        f"{sum(bool(r.get('click_before_full')) for r in probed)} times before the page was "
        "complete; the longest main-thread task between first exercise and full page: median "
        f"{_med(probed, 'longest_task_ms'):.0f} ms. With Voila's default options nothing can "
        "be pressed before the last cell ran: the page is hidden behind its spinner until "
        "then.",
    ]
    lines += _breakdown_lines(breakdown, paths)
    if costs:
        lines += ["", "Each import alone in a fresh interpreter (after IPython; median of 3): "
                  + ", ".join(f"`{m}` {s:.2f} s" for m, s in costs.items()) + "."]
    return "\n".join(lines)


def _breakdown_lines(breakdown, paths) -> list[str]:
    """The report's table of where a kernel's time goes, lesson by lesson (none: no lines)."""
    lines: list[str] = []
    if breakdown:
        lines += [
            "",
            "Where the time goes, in a kernel (nbclient, one run per lesson, fresh home): "
            "kernel start to ready, the first cell split into its statements, the cells up to "
            "the first exercise, all cells, and the cell at which each heavy module is first "
            "imported (code-cell number).",
            "",
            "| lesson | kernel start (s) | import course (s) | course.lesson() (s) | "
            "header() (s) | first exercise at code cell | cells to it (s) | all cells (s) | "
            "slowest cells (s) | first imported at cell |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---|---|",
        ]
        for path in paths:
            b = breakdown[path.name]
            first = [r for r in b["rows"] if r["cell"] == 1]
            parts = {("import" if "import course" in r["what"] else
                      "lesson" if "course.lesson" in r["what"] else
                      "header" if "header" in r["what"] else "other"): r["s"] for r in first}
            slow = sorted((r for r in b["rows"] if r["cell"] > 1), key=lambda r: -r["s"])[:3]
            arrived = ", ".join(f"{m} {c}" for m, c in sorted(b["arrived"].items(),
                                                              key=lambda kv: kv[1]))
            lines.append(
                f"| {path.stem} | {b['kernel_start']:.2f} | {parts.get('import', 0):.2f} | "
                f"{parts.get('lesson', 0):.2f} | {parts.get('header', 0):.2f} | "
                f"{b['first_ex_cell']} | {b['to_first']:.2f} | {b['all_cells']:.2f} | "
                + ", ".join(f"{r['cell']}: {r['s']:.2f}" for r in slow) + f" | {arrived} |")
    return lines


if __name__ == "__main__":
    sys.exit(main())
