"""Screenshots of the reply reviewer's messages as a learner sees them (issue 28, brief 28v).

A reply task whose answer is the task's text pasted back (the ``pasted`` cap), a letter told in
the task's words (the ``borrowed`` cap), a reply that pushes the buyer (the pressure label), a
role-play turn pasted from the prompt (W08, Sophie) and lesson 10's "Try it" cell, each in
English and in Chinese, at a desktop width and at a phone's (390 px), rendered by Voila and
taken by Debian's Chromium (driven by the PyPI playwright package; see DESIGN.md, testing)::

    python tools/reviewer_screenshots.py OUT_FOLDER [--only NAME ...] [--widths 1000 390]

Every PNG is ``OUT_FOLDER/reviewer-<name>-<lang>-<width>.png``. One Voila server runs at a
time, on 127.0.0.1, and is stopped at the end. Nothing is downloaded (requests to the internet
are aborted).
"""
from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CRM_COURSE_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]

# W04 Marek's holding reply (practice: the review is shown): its prompt handed in under a
# greeting, and a letter told in the prompt's words (tests/grading/reader_cases/round19_verdicts)
MAREK_PROMPT = ("Dear Marek,\n\nMarek, an old customer, asks about the material and the test "
                "report of your kids' raincoats and wants one sample. The factory must send you "
                "the report first. Write today's short reply: the mail is received, it is being "
                "processed, and when he will have the full answer (three days at most).\n\n"
                "Best regards,\nGrace")
MAREK_BORROWED = ("Marek, the mail is received, it is being processed, and you will have the full "
                  "answer in three days at most. Grace")
EMILY_PUSH = ("Hi Emily,\n\nThanks for asking! Asian sizes are smaller, so please choose size L "
              "for a US 8. Only 2 left in size L, so order today or you will miss it!\n\n"
              "Kind regards,\nGrace")
SOPHIE_PASTED = ("Answer each of Sophie's messages until the complaint is settled: thank and "
                 "apologise, ask for what you need to see, then propose a local repair")
LESSON10 = '''draft = """DEAR CUSTOMER!!! You bought our yoga mat, so you NEED our NEW cork yoga block,
only $9!!! HURRY, only 3 left, LAST CHANCE! Order at www.yogablocks-shop.com or add me
on WhatsApp +86 138 0000 1234. Thank you.
Best regards, Lily"""
task = ("Run the draft below. It has every keyword and still scores low: read its advice. "
        "Then write two better messages: the new-arrival message to Ms Weber, and an honest "
        "offer to Mr Tan.")
crm.review_draft(draft, "new_arrival", task_text=task, buyer_name="Ms Weber",
                 last_product="yoga mat", recommended_product="cork yoga block", unit_price=9)'''

# name -> (code of its cell, the CSS selector of what is shot)
SCENES = {
    "pasted": ('ex = course.lesson("w04-grading-workshop")["w04-reply-marek"].widget\n'
               'ex.answer({pasted!r})\nex.check()\nex', ".course-reply"),
    "borrowed": ('ex = course.lesson("w04-grading-workshop")["w04-reply-marek"].widget\n'
                 'ex.answer({borrowed!r})\nex.check()\nex', ".course-reply"),
    "pressure": ('ex = course.lesson("07-buyer-messages")["msg-reply-presale"].widget\n'
                 'ex.answer({push!r})\nex.check()\nex', ".course-reply"),
    "roleplay": ('ex = course.lesson("w08-complaint-chain-workshop")["w08-roleplay-sophie"].widget\n'
                 'ex.send({sophie!r})\nex.check()\nex', ".course-roleplay"),
    # as in lesson 10: its header (and the course's style) shown before the Try it cell
    "tryit": ("from IPython.display import display\nfrom course import crm\n"
              'display(course.lesson("10-promotion").header())\n' + LESSON10,
              ".jp-OutputArea-output"),
}


def notebook(name: str, lang: str, path: Path) -> None:
    import nbformat

    code, _ = SCENES[name]
    code = code.format(pasted=MAREK_PROMPT, borrowed=MAREK_BORROWED, push=EMILY_PUSH,
                       sophie=SOPHIE_PASTED)
    # a fresh learner home for every page load: a saved answer of an earlier load would be
    # restored (a role-play's turn sent again after it)
    setup = ("import os, tempfile\nos.environ['CRM_COURSE_HOME'] = tempfile.mkdtemp(dir=os.getcwd())\n"
             f"import course\n_ = course.set_language({lang!r}, save=False)")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(setup),
                                         nbformat.v4.new_code_cell(code)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, path)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, timeout: float = 90.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise SystemExit(f"Voila stopped (exit {proc.returncode}); see its log.")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"Voila did not listen on port {port} within {timeout:.0f} s.")


def shoot(out: Path, names: list[str], widths: list[int]) -> list[Path]:
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="reviewer-shots-"))
    pages = []
    for name in names:
        for lang in ("en", "zh"):
            notebook(name, lang, work / f"{name}-{lang}.ipynb")
            pages.append((name, lang))
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               CRM_COURSE_HOME=str(work / "home"))
    voila = Path(sys.executable).with_name("voila")
    log = open(work / "voila.log", "wb")  # noqa: SIM115 - closed below
    proc = subprocess.Popen([str(voila), "--no-browser", f"--port={port}",
                             "--Voila.ip=127.0.0.1"], cwd=work, env=env, stdout=log,
                            stderr=subprocess.STDOUT)
    saved = []
    try:
        wait_for_port(port, proc)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
            for name, lang in pages:
                for width in widths:
                    saved.append(_shot(browser, port, out, name, lang, width))
            browser.close()
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        shutil.rmtree(work, ignore_errors=True)
    return saved


def _shot(browser, port: int, out: Path, name: str, lang: str, width: int) -> Path:
    context = browser.new_context(viewport={"width": width, "height": 4000})
    context.route("https://**", lambda route: route.abort())
    page = context.new_page()
    page.goto(f"http://127.0.0.1:{port}/voila/render/{name}-{lang}.ipynb", timeout=180_000)
    target = page.locator(SCENES[name][1]).last
    target.wait_for(timeout=180_000)
    page.wait_for_timeout(500)
    path = out / f"reviewer-{name}-{lang}-{width}.png"
    target.screenshot(path=str(path))
    context.close()
    _smaller(path)
    print(path)
    return path


def _smaller(path: Path, colours: int = 64) -> None:
    """The PNG with a palette of ``colours`` (text and flat colours: no visible loss), about a
    third of its size: docs/screenshots keeps each file under 150 KB. Pillow comes with
    matplotlib; without it the PNG stays as Chromium wrote it."""
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(path) as im:
        small = im.convert("RGB").quantize(colors=colours)
    small.save(path, optimize=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the folder for the PNGs")
    parser.add_argument("--only", nargs="+", choices=sorted(SCENES), default=sorted(SCENES))
    parser.add_argument("--widths", nargs="+", type=int, default=[1000, 390])
    args = parser.parse_args(argv)
    if not os.access(CHROMIUM, os.X_OK):
        print(f"No Chromium at {CHROMIUM}: apt-get install -y chromium", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    shoot(args.out, args.only, args.widths)
    return 0


if __name__ == "__main__":
    sys.exit(main())
