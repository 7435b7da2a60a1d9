"""Where things are: the only reader of the ``CRM_COURSE_*`` environment variables.

| variable               | meaning                                              | default                 |
|------------------------|------------------------------------------------------|-------------------------|
| ``CRM_COURSE_HOME``    | this learner's progress store and settings           | ``~/.crm-course``       |
| ``CRM_COURSE_BANK``    | the exercise bank folder (or file)                   | ``<course>/exercises``  |
| ``CRM_COURSE_DATA``    | the folder the toolkit's data sets are read from     | ``<course>/data``       |
| ``CRM_COURSE_LANG``    | the starting language (``en``, ``zh``, ``both``)     | the saved setting       |
| ``CRM_COURSE_MODE``    | a mode override for every exercise                   | none                    |
| ``CRM_COURSE_PRESENTER`` | set by ``crm-course present``: projector mode      | off                     |
| ``CRM_COURSE_EXCHANGE`` | the course's exchange folder (submit, collect)      | none                    |
| ``CRM_COURSE_LIVE_URL``  | a live class to join (``crm-course live``)         | none                    |
| ``CRM_COURSE_LIVE_CODE`` | its join code (LAN mode; none on a hub)            | none                    |

On JupyterHub the live class also reads the hub's own variables (``JUPYTERHUB_API_URL``,
``JUPYTERHUB_API_TOKEN``, ``JUPYTERHUB_SERVICE_PREFIX``, ``JUPYTERHUB_SERVICE_URL``), here too.

"The course" is the folder holding ``course/``, ``exercises/``, ``data/`` and ``notebooks/``:
the installed package's parent folder (an editable install or a checkout).
"""
from __future__ import annotations

import os
from pathlib import Path

HOME = "CRM_COURSE_HOME"
BANK = "CRM_COURSE_BANK"
DATA = "CRM_COURSE_DATA"
LANG = "CRM_COURSE_LANG"
MODE = "CRM_COURSE_MODE"
PRESENTER = "CRM_COURSE_PRESENTER"
EXCHANGE = "CRM_COURSE_EXCHANGE"
LIVE_URL = "CRM_COURSE_LIVE_URL"
LIVE_CODE = "CRM_COURSE_LIVE_CODE"


def env(name: str) -> str:
    """The value of one ``CRM_COURSE_*`` variable, stripped ('' when unset)."""
    return os.environ.get(name, "").strip()


def _env_path(name: str) -> Path | None:
    value = env(name)
    return Path(value).expanduser() if value else None


def package_root() -> Path:
    """The folder that holds the ``course`` package (a checkout or an editable install)."""
    return Path(__file__).resolve().parent.parent


def is_course_folder(folder: Path) -> bool:
    """True when ``folder`` holds an exercise bank and lessons (``exercises/``, ``notebooks/``)."""
    return (folder / "exercises").is_dir() and (folder / "notebooks").is_dir()


def course_root(start: Path | None = None) -> Path | None:
    """The course folder: ``start`` if given, else the current folder if it is one, else the
    package's own folder; None when none of them holds a course."""
    candidates = [Path(start)] if start is not None else [Path.cwd(), package_root()]
    for folder in candidates:
        if is_course_folder(folder):
            return folder.resolve()
    return None


def home() -> Path:
    """Where this learner's progress and settings live: ``$CRM_COURSE_HOME`` or ``~/.crm-course``
    (not created by this call)."""
    return _env_path(HOME) or Path.home() / ".crm-course"


def bank_dir() -> Path:
    """The course's exercise bank: ``$CRM_COURSE_BANK`` or ``<package root>/exercises``."""
    return _env_path(BANK) or package_root() / "exercises"


def schema_path() -> Path:
    """The bank's JSON Schema: ``schema.json`` beside the bank when it has one (a student copy or
    a ``$CRM_COURSE_BANK`` folder), else the package's own."""
    bank = bank_dir()
    folder = bank if bank.is_dir() else bank.parent
    if (folder / "schema.json").is_file():
        return folder / "schema.json"
    return package_root() / "exercises" / "schema.json"


def data_dir() -> Path:
    """The folder the data sets are read from: ``$CRM_COURSE_DATA`` or ``<package root>/data``."""
    return _env_path(DATA) or package_root() / "data"


def notebooks_dir() -> Path:
    """The lessons' folder: ``<package root>/notebooks``."""
    return package_root() / "notebooks"


def language_setting() -> str:
    """``$CRM_COURSE_LANG`` in lower case ('' when unset)."""
    return env(LANG).lower()


def mode_setting() -> str:
    """``$CRM_COURSE_MODE`` in lower case ('' when unset)."""
    return env(MODE).lower()


def exchange_dir() -> Path | None:
    """The course's exchange folder for ``crm-course submit`` and ``collect``:
    ``$CRM_COURSE_EXCHANGE`` (set for every learner by the course's hub), else None."""
    return _env_path(EXCHANGE)


def presenter() -> bool:
    """True when the lesson is served for projection by ``crm-course present``."""
    return env(PRESENTER) not in ("", "0")


def live_setting() -> tuple[str, str]:
    """The live class to join from the environment: (``$CRM_COURSE_LIVE_URL``,
    ``$CRM_COURSE_LIVE_CODE``), each '' when unset."""
    return env(LIVE_URL), env(LIVE_CODE)


def hub_setting() -> dict[str, str]:
    """What JupyterHub tells a service or a learner's server ('' for what is unset): ``api_url``,
    ``api_token``, ``service_prefix``, ``service_url``, ``public_url`` (the service's public
    address: set by JupyterHub 5+ only where the hub knows its own, c.JupyterHub.public_url)."""
    get = lambda name: os.environ.get(name, "").strip()  # noqa: E731
    return {"api_url": get("JUPYTERHUB_API_URL"), "api_token": get("JUPYTERHUB_API_TOKEN"),
            "service_prefix": get("JUPYTERHUB_SERVICE_PREFIX"),
            "service_url": get("JUPYTERHUB_SERVICE_URL"),
            "public_url": get("JUPYTERHUB_PUBLIC_URL")}
