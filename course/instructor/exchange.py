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
  only when the learner written inside is that user.
* Squatting: a classmate who makes ``alice.json`` first cannot block Alice (the sticky bit
  stops her replacing it): ``submit`` then writes ``alice.<random>.json``, a name nobody can
  guess in advance, and ``collect`` takes the newest file Alice owns. It opens files without following symbolic
  links and copies only regular files.

On Zero to JupyterHub every learner's pod runs as the same uid (``jovyan``), so file
permissions cannot tell learners apart: there each learner's pod mounts only its own
subfolder of the shared volume (``inbox/<user>/``, see ``deploy/z2jh-values.yaml``), and
``collect`` accepts ``inbox/<user>/<user>.json`` when the folder was made by that user or by
the instructor (root, or the user collecting): a folder a classmate made under someone else's
name is refused, and in an instructor's folder that anyone may write, only the learner's own
file counts.
"""
from __future__ import annotations

import os
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


def add_exchange_option(parser) -> None:
    """Add ``--exchange DIR``, the option ``crm-course submit`` and ``collect`` share (its value
    is the ``option`` of ``exchange_root``) to an argparse parser."""
    parser.add_argument("--exchange", metavar="DIR",
                        help="the course's exchange folder (default: $CRM_COURSE_EXCHANGE, "
                             "set by the course's hub)")


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
    """The Unix login of this process (from its uid, not from an environment variable); on
    Windows, which has no uid, the account name (``getpass.getuser``)."""
    try:
        import pwd
    except ImportError:  # Windows
        import getpass

        return getpass.getuser()
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


def _mine(path: Path) -> bool | None:
    """Whether ``path`` belongs to this process's user (None: it does not exist); on Windows,
    where a file has no owning uid to compare, an existing file counts as the learner's."""
    try:
        info = os.lstat(path)
        return info.st_uid == os.getuid() if hasattr(os, "getuid") else True
    except FileNotFoundError:
        return None
    except OSError:
        return False


def hand_in(data: bytes, root: Path, name: str) -> Path:
    """Put ``data`` into the inbox as ``<name>.json``, replacing the learner's earlier file
    atomically; a file is never visible half-written.

    A ``<name>.json`` that someone else made first (squatting: the sticky bit stops the
    learner from replacing it) cannot block a hand-in: the work goes to
    ``<name>.<random>.json`` instead, a name nobody can guess in advance, and ``collect`` takes
    the newest file of each learner that the learner owns.
    """
    inbox = Path(root) / INBOX
    if not inbox.is_dir():
        raise InputError(both("no_inbox", path=inbox))
    final = inbox / f"{name}.json"
    if _mine(final) is False:
        final = inbox / f"{name}.{secrets.token_hex(6)}.json"
    tmp = inbox / f".{name}.{secrets.token_hex(6)}.part"
    try:
        # O_NOFOLLOW is POSIX only; O_BINARY (Windows only) keeps "\n" as written
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_BINARY", 0), FILE_MODE)
    except OSError as exc:
        raise InputError(both("cannot_hand_in", path=inbox, detail=exc.strerror or exc)) \
            from None
    try:
        try:
            if hasattr(os, "fchmod"):  # whatever the umask: group-readable, private otherwise
                os.fchmod(fd, FILE_MODE)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.replace(tmp, final)
        except PermissionError:  # made by someone else between the check and the rename
            final = inbox / f"{name}.{secrets.token_hex(6)}.json"
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
    """The login of ``uid`` (collect runs on the course's Unix hub)."""
    import pwd

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


_FILE = re.compile(r"(?P<user>[A-Za-z0-9][A-Za-z0-9._@-]{0,63}?)(?:\.[0-9a-f]{12})?\.json")


def _instructor_uids() -> set[int]:
    """Who may make an inbox folder for a learner: root and the user collecting."""
    return {0, os.getuid()}


def _folder_trust(folder: Path, user: str) -> tuple[bool, str | None]:
    """How far ``inbox/<user>/`` is that learner's own folder: (whether a file in it must
    still be owned by the learner, a refusal reason when nothing in it counts)."""
    st = os.lstat(folder)
    owner = _owner(st.st_uid)
    if owner in (user, TLJH_PREFIX + user):
        return True, None
    if st.st_uid in _instructor_uids():
        # made by the instructor (Zero to JupyterHub mounts it for that learner's pod alone);
        # a folder anyone may write into proves nothing about who wrote its file
        return bool(st.st_mode & stat.S_IWOTH), None
    return True, both("wrong_folder_owner", user=user, owner=owner)


def _candidates(inbox: Path, names: list[str], result: Collection) -> list[tuple]:
    """(label, path, user, file owner must be the user) for each file that may be a hand-in."""
    found = []
    for name in names:
        if name.startswith("."):
            result.in_progress += name.endswith(".part")
            continue
        path = inbox / name
        if path.is_dir() and not path.is_symlink():  # Zero to JupyterHub: inbox/<user>/
            if not _NAME.fullmatch(name):
                continue
            strict, refusal = _folder_trust(path, name)
            if refusal is not None:
                result.refused.append((name + "/", refusal))
                continue
            try:
                inner = sorted(os.listdir(path))
            except OSError:
                continue
            for file in inner:
                m = _FILE.fullmatch(file)
                if m and m.group("user") == name:
                    found.append((f"{name}/{file}", path / file, name, strict))
            continue
        m = _FILE.fullmatch(name)
        if m is None:
            result.refused.append((name, both("not_json_file")))
            continue
        found.append((name, path, m.group("user"), True))
    return found


def collect(root: Path, out: Path) -> Collection:
    """Copy each learner's newest genuine submission of the inbox into ``out`` as
    ``<user>.json``: a file counts only when the learner it is named after owns it (or it is
    in that learner's folder made by the instructor) and names that learner inside."""
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
    newest: dict[str, tuple[float, bytes]] = {}
    for label, path, user, strict in _candidates(inbox, names, result):
        try:
            data, st = _read_regular(path, MAX_FILE_BYTES)
        except OSError as exc:
            result.refused.append((label, both("unreadable", detail=exc.strerror or exc)))
            continue
        owner = _owner(st.st_uid)
        if strict and owner not in (user, TLJH_PREFIX + user):
            result.refused.append((label, both("wrong_owner", user=user, owner=owner)))
            continue
        parsed = parse_submission(data, label)
        if not isinstance(parsed, Submission):
            result.refused.append((label, parsed.reason))
            continue
        if parsed.learner != user:
            result.refused.append((label, both("wrong_learner", user=user,
                                               learner=parsed.learner)))
            continue
        if user not in newest or st.st_mtime >= newest[user][0]:
            newest[user] = (st.st_mtime, data)
    for user, (_, data) in sorted(newest.items()):
        _write_atomic(out / f"{user}.json", data)
        result.collected.append(user)
    return result
