"""axe-core (the npm package, installed by .ci/run) run inside a Playwright page.

``violations(page, request.config)`` injects axe.min.js from the local npm install (never a
CDN) and returns axe's violations as ``[(rule id, impact, number of nodes, first target)]``.
Where axe-core is not installed the test is skipped, or fails under ``--require-browser``,
saying what to install.
"""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path

from support import missing

#: WCAG 2.1 A and AA rules, the level a school's accessibility policy asks for.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@functools.cache
def axe_script() -> Path | None:
    """axe.min.js of the npm install: $CRM_COURSE_AXE, else the global npm root's axe-core.

    Looked up once per test process: `npm root -g` starts Node, about 2 s of each check on
    the busy 2-core machine, and there are about 15 checks in tests/browser (issue 24)."""
    given = os.environ.get("CRM_COURSE_AXE")
    if given:
        return Path(given) if Path(given).is_file() else None
    npm = shutil.which("npm")
    if not npm:
        return None
    try:
        root = subprocess.run([npm, "root", "-g"], capture_output=True, text=True, timeout=30,
                              check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    path = Path(root) / "axe-core" / "axe.min.js"
    return path if path.is_file() else None


@functools.cache
def _text(script: Path) -> str:
    return script.read_text(encoding="utf-8")


def violations(page, config, tags=TAGS) -> list[tuple[str, str, int, str]]:
    """axe's violations of the page as it is now (rule, impact, nodes, first node's target)."""
    script = axe_script()
    if script is None:
        missing(config, "browser", "axe-core is not installed: npm install -g axe-core@4.14")
    page.add_script_tag(content=_text(script))
    # every rule of ``tags`` runs on every node as before; resultTypes only keeps one node of
    # the passes, incomplete and inapplicable results, which are not read here, so axe does not
    # build a selector and a report for each passing node (on the class report's page that
    # was most of a 20 s check on the busy 2-core machine, issue 24)
    result = page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']}))"
        ".violations.map(v => [v.id, v.impact || '', v.nodes.length,"
        " (v.nodes[0] && v.nodes[0].target.join(' ')) || ''])", tags)
    return [tuple(v) for v in result]
