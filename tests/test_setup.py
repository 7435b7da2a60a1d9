"""The two-command set-up: the Makefile, the packaging metadata and the environment file agree."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

try:
    import tomllib  # Python 3.11+
except ImportError:  # Python 3.10: the same parser, from PyPI (a test dependency there)
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def test_second_make_run_installs_nothing():
    """After `make test` has set up .venv, the set-up step is up to date (make -q exits 0)."""
    if not (ROOT / ".venv" / ".installed").exists() or shutil.which("make") is None:
        pytest.skip("not running inside the .venv that `make test` sets up")
    proc = subprocess.run(["make", "-q", ".venv/.installed"], cwd=ROOT)
    assert proc.returncode == 0, "make would reinstall although nothing changed"
    dry = subprocess.run(["make", "-n", "test"], cwd=ROOT, capture_output=True, text=True)
    assert "pip install" not in dry.stdout


def _names(requirements):
    return {re.split(r"[<>=!~ ;\[]", r, maxsplit=1)[0].lower() for r in requirements}


def test_environment_yml_has_the_same_dependencies_as_pyproject():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = _names(meta["dependencies"]) | _names(meta["optional-dependencies"]["test"])
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = {d for d in env["dependencies"] if isinstance(d, str)}
    have = _names(conda)
    if "matplotlib-base" in have:  # conda-forge's matplotlib without the Qt back end
        have.add("matplotlib")
    if "msgpack-python" in have:  # conda-forge's name for PyPI's msgpack
        have.add("msgpack")
    if "python-fastjsonschema" in have:  # conda-forge's name for PyPI's fastjsonschema
        have.add("fastjsonschema")
    # what conda-forge does not package comes from PyPI in the pip: section
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    have |= _names(p for p in pip_section if not p.startswith("-"))
    assert wanted <= have, f"missing in environment.yml: {sorted(wanted - have)}"
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip


def test_console_script_and_python_dash_m_agree():
    a = subprocess.run([sys.executable, "-m", "course", "--help"], capture_output=True, text=True)
    exe = Path(sys.executable).parent / "crm-course"
    if not exe.exists():
        pytest.skip("console script not installed in this environment")
    b = subprocess.run([str(exe), "--help"], capture_output=True, text=True)
    assert a.returncode == b.returncode == 0
    for command in ("validate", "list", "export", "data", "release", "report", "present"):
        assert command in a.stdout, command


def test_the_test_set_up_clears_course_settings_but_keeps_the_test_controls():
    """``make fuzz``'s case counts must survive the clean-up; a learner's settings must not."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("root_conftest", ROOT / "conftest.py")
    root_conftest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(root_conftest)
    environ = {"CRM_COURSE_LANG": "zh", "CRM_COURSE_HOME": "/somewhere/else",
               "CRM_COURSE_MODE": "class", "CRM_COURSE_FUZZ_CASES": "2000", "PATH": "/usr/bin"}
    root_conftest.clean_environment(environ)
    assert "CRM_COURSE_LANG" not in environ and "CRM_COURSE_MODE" not in environ
    assert environ["CRM_COURSE_HOME"] != "/somewhere/else"
    assert environ["CRM_COURSE_FUZZ_CASES"] == "2000" and environ["PATH"] == "/usr/bin"


def test_the_require_options_are_registered_and_ci_passes_them(pytestconfig):
    """A missing browser, hub or root fails CI instead of skipping: pytest knows the options,
    and .ci/run passes all three.

    Asked of this run's own configuration (conftest.py registers the options for every run),
    not of a second ``pytest --help``, which spent half a minute starting pytest again."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for option in ("--require-browser", "--require-hub", "--require-root"):
        value = pytestconfig.getoption(option)  # ValueError "no option named" if unregistered
        assert isinstance(value, bool) and option in ci, (option, value)


def test_every_data_file_of_the_package_is_package_data():
    """A file the library reads beside its code (a YAML table, a template, a font) ships in the
    wheel only when pyproject.toml's package-data names it: each such file under course/ is
    matched by a pattern there (decisions.yaml was added in brief 24d)."""
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = set()
    for package, patterns in meta["tool"]["setuptools"]["package-data"].items():
        folder = ROOT.joinpath(*package.split("."))
        for pattern in patterns:
            shipped |= {p for p in folder.glob(pattern) if p.is_file()}
    data = {p for p in (ROOT / "course").rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts}
    assert ROOT / "course" / "writing" / "decisions.yaml" in data
    assert not data - shipped, sorted(str(p.relative_to(ROOT)) for p in data - shipped)
