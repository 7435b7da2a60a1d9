"""The course's exchange folder: learners hand in with `crm-course submit`, the instructor
gathers with `crm-course collect`.

Layout (made once by root: ``crm-course collect --init --group crm-instructors``, or by the
hub configuration in ``deploy/jupyterhub_config.py`` when the hub starts)::

    EXCHANGE/          root:root             drwxr-xr-x  (0755)
    EXCHANGE/inbox/    root:crm-instructors  drwxrwx-wt  (3773: setgid + sticky)

* Others (the students) have write and search permission on ``inbox/`` but no read: they can
  create a file there and open one whose name they know, but cannot list the folder.
* Each submission is ``inbox/<hub user>.json``, created by its learner with mode 0640. The
  setgid bit gives it the folder's group, so the instructors' group can read it and other
  students cannot (they are neither its owner nor in its group).
* The sticky bit: only a file's owner (or root) may rename, replace or delete it. A student can
  therefore replace their own submission but not another's, and a file squatted under someone
  else's name cannot be put in place of theirs either.
* ``submit`` writes a hidden temporary file (``.<user>.<random>.part``) in the inbox, flushes it
  to disk and renames it over ``<user>.json`` (``os.replace``, atomic on one file system): a
  reader sees the old file or the new one, never half of one. ``collect`` skips hidden files.
* ``collect`` trusts the file's owner, not its name: ``alice.json`` counts only when it belongs
  to the Unix user ``alice`` (or ``jupyter-alice``, The Littlest JupyterHub's name for her), and
  only when the learner written inside is that user. It opens files without following symbolic
  links and copies only regular files.

On Zero to JupyterHub every learner's pod runs as the same uid (``jovyan``), so file
permissions cannot tell learners apart: there each learner's pod mounts only its own
subfolder of the shared volume (``inbox/<user>/``, see ``deploy/z2jh-values.yaml``), and
``collect`` accepts ``inbox/<user>/<user>.json``, trusting the folder name the mount guarantees.
"""
from __future__ import annotations

import os
import pwd
import re
import secrets
import stat
from dataclasses import dataclass, field
from pathlib import Path

from course.errors import InputError
from course.messages import both

INBOX = "inbox"
INBOX_MODE = 0o3773  # setgid, sticky; rwx owner and group, -wx others
FILE_MODE = 0o640
TLJH_PREFIX = "jupyter-"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")


def exchange_root(option: str | os.PathLike | None = None) -> Path:
    """The exchange folder: ``--exchange`` if given, else ``$CRM_COURSE_EXCHANGE``."""
    from course import paths

    if option is not None and str(option).strip():
        return Path(option).expanduser()
    found = paths.exchange_dir()
    if found is None:
        raise InputError(both("no_exchange", env=paths.EXCHANGE))
    return found


def login_name() -> str:
    """The Unix login of this process (from its uid, not from an environment variable)."""
    try:
        return pwd.getpwuid(os.getuid()).pw_name
    except KeyError:
        return str(os.getuid())


def hub_user() -> str:
    """The name a submission is filed under: the hub user ($JUPYTERHUB_USER), else the login.

    Nothing the learner types: the hub sets $JUPYTERHUB_USER for each user's server. A learner
    who changes it only misnames their own file, which ``collect`` then refuses (its owner is
    not the user it is named after).
    """
    name = os.environ.get("JUPYTERHUB_USER", "").strip() or login_name()
    if not _NAME.fullmatch(name):
        raise InputError(both("bad_user_name", name=name))
    return name


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # a folder the learner may not read: the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def hand_in(data: bytes, root: Path, name: str) -> Path:
    """Put ``data`` into the inbox as ``<name>.json``, replacing the learner's earlier file
    atomically; a file is never visible half-written."""
    inbox = Path(root) / INBOX
    if not inbox.is_dir():
        raise InputError(both("no_inbox", path=inbox))
    final = inbox / f"{name}.json"
    tmp = inbox / f".{name}.{secrets.token_hex(6)}.part"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
    except OSError as exc:
        raise InputError(both("cannot_hand_in", path=inbox, detail=exc.strerror or exc)) \
            from None
    try:
        try:
            os.fchmod(fd, FILE_MODE)  # whatever the umask: group-readable, private otherwise
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, final)
    except PermissionError:
        _unlink(tmp)
        raise InputError(both("hand_in_taken", path=final)) from None
    except OSError as exc:
        _unlink(tmp)
        raise InputError(both("cannot_hand_in", path=inbox, detail=exc.strerror or exc)) \
            from None
    _fsync_dir(inbox)
    return final


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def prepare(root: Path, group: str) -> Path:
    """Make the exchange folder with the modes above (run as root); returns the inbox."""
    import grp

    try:
        gid = grp.getgrnam(group).gr_gid
    except KeyError:
        raise InputError(both("no_such_group", group=group)) from None
    root = Path(root)
    inbox = root / INBOX
    try:
        root.mkdir(parents=True, exist_ok=True)
        os.chmod(root, 0o755)
        inbox.mkdir(exist_ok=True)
        os.chown(inbox, 0, gid)
        os.chmod(inbox, INBOX_MODE)
    except PermissionError:
        raise InputError(both("init_needs_root", path=root)) from None
    return inbox


def inbox_problems(root: Path) -> list[str]:
    """What about the inbox lets one student read or replace another's file (empty: none)."""
    inbox = Path(root) / INBOX
    st = inbox.stat()
    problems = []
    if st.st_mode & stat.S_IROTH:
        problems.append("others can list it")
    if st.st_mode & stat.S_IWOTH and not st.st_mode & stat.S_ISVTX:
        problems.append("others can write it without the sticky bit")
    return problems


# ----------------------------------------------------------------------------- collecting


@dataclass
class Collection:
    """What ``collect`` copied, what it refused and why, and what it skipped as unfinished."""

    out: Path
    collected: list[str] = field(default_factory=list)  # user names
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    in_progress: int = 0


def _owner(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def _read_regular(path: Path, limit: int) -> tuple[bytes, os.stat_result]:
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise IsADirectoryError("not a regular file")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks), st
    finally:
        os.close(fd)


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def collect(root: Path, out: Path) -> Collection:
    """Copy every complete, genuine submission of the inbox into ``out`` as ``<user>.json``."""
    from course.instructor.submissions import MAX_FILE_BYTES, Submission, parse_submission

    inbox = Path(root) / INBOX
    if not inbox.is_dir():
        raise InputError(both("no_inbox", path=inbox))
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError(both("out_is_file", path=out))
    try:
        names = sorted(os.listdir(inbox))
    except PermissionError:
        raise InputError(both("cannot_list_inbox", path=inbox)) from None
    out.mkdir(parents=True, exist_ok=True)
    result = Collection(out)
    for name in names:
        if name.startswith("."):
            result.in_progress += name.endswith(".part")
            continue
        path = inbox / name
        folder_user = None
        if path.is_dir() and not path.is_symlink():  # Zero to JupyterHub: inbox/<user>/
            folder_user, path = name, path / f"{name}.json"
            if not path.exists():
                continue
        elif not name.endswith(".json"):
            result.refused.append((name, both("not_json_file")))
            continue
        user = path.name[: -len(".json")]
        label = str(path.relative_to(inbox))
        try:
            data, st = _read_regular(path, MAX_FILE_BYTES)
        except OSError as exc:
            result.refused.append((label, both("unreadable", detail=exc.strerror or exc)))
            continue
        owner = _owner(st.st_uid)
        if folder_user is None and owner not in (user, TLJH_PREFIX + user):
            result.refused.append((label, both("wrong_owner", user=user, owner=owner)))
            continue
        if folder_user is not None and folder_user != user:
            continue
        parsed = parse_submission(data, label)
        if not isinstance(parsed, Submission):
            result.refused.append((label, parsed.reason))
            continue
        if parsed.learner != user:
            result.refused.append((label, both("wrong_learner", user=user,
                                               learner=parsed.learner)))
            continue
        _write_atomic(out / f"{user}.json", data)
        result.collected.append(user)
    return result
