"""A real JupyterHub: deploy/jupyterhub_config.py, real Unix users, bound to 127.0.0.1.

Used by the hub tests (conftest.py) and bench/bench_hub.py. It needs root (useradd, and a hub
that starts servers as other users), `useradd`, the npm `configurable-http-proxy` and the PyPI
`jupyterhub` and `nbgitpuller`: ``missing()`` says what is not there.
"""
from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import quote

from support import free_port, wait_until

REPO = Path(__file__).resolve().parents[2]
DEPLOY_CONFIG = REPO / "deploy" / "jupyterhub_config.py"
VENV_BIN = Path(sys.executable).parent
STUDENTS = ("a", "b", "c")
START_TIMEOUT = 90


def _run(*cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


class Kernel:
    """A kernel of a user's server, driven over its websocket as JupyterLab drives it."""

    def __init__(self, hub: Hub, user: str, kernel_id: str):
        import websocket

        self.hub, self.user, self.id = hub, user, kernel_id
        url = f"ws://127.0.0.1:{hub.port}/user/{user}/api/kernels/{kernel_id}/channels"
        self.ws = websocket.create_connection(
            url, header=[f"Authorization: token {hub.token}"], timeout=120)
        self.session = uuid.uuid4().hex

    def execute(self, code: str, timeout: float = 120) -> str:
        """Run ``code``; returns what it printed; raises AssertionError on an exception."""
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "username": self.user, "session": self.session,
                       "msg_type": "execute_request", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": False,
                        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
        }))
        out, error, replied, idle = [], None, False, False
        deadline = time.monotonic() + timeout
        while not (replied and idle):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.user}: no reply to {code[:60]!r}")
            msg = json.loads(self.ws.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind == "stream":
                out.append(msg["content"]["text"])
            elif kind == "error":
                error = "\n".join(msg["content"]["traceback"])
            elif kind == "execute_reply":
                replied = True
            elif kind == "status" and msg["content"]["execution_state"] == "idle":
                idle = True
        if error:
            raise AssertionError(f"{self.user}'s kernel raised:\n{error}")
        return "".join(out)

    def close(self):
        self.ws.close()


class Hub:
    """The running hub: its address, an admin token, and helpers for the users' servers."""

    def __init__(self, base: Path, port: int, token: str, users: dict, group: str):
        import threading

        self.base, self.port, self.token = base, port, token
        self.users, self.group = users, group
        self.url = f"http://127.0.0.1:{port}"
        self._local = threading.local()  # a requests session per thread (classkit's students)
        self.kernels: list[Kernel] = []

    @property
    def http(self):
        """The admin's HTTP session (its token in every request), one per thread: the class
        (classkit.py) drives its three students at once, and requests' sessions are not made
        to be shared between threads."""
        session = getattr(self._local, "session", None)
        if session is None:
            import requests

            session = self._local.session = requests.Session()
            session.headers["Authorization"] = f"token {self.token}"
        return session

    @property
    def instructor(self) -> str:
        return self.users["instructor"]

    @property
    def students(self) -> list[str]:
        return [self.users[s] for s in STUDENTS]

    def api(self, method: str, path: str, **kw):
        r = self.http.request(method, f"{self.url}/hub/api{path}", timeout=60, **kw)
        r.raise_for_status()
        return r.json() if r.content else None

    def server(self, user: str, method: str, path: str, **kw):
        r = self.http.request(method, f"{self.url}/user/{user}/api{path}", timeout=120, **kw)
        r.raise_for_status()
        return r.json() if r.content else None

    def spawn(self, *users: str, wait: bool = True) -> None:
        """Start the servers of ``users`` (at once), and wait until all are ready."""
        for user in users:
            if self.api("GET", f"/users/{user}")["servers"].get(""):
                continue  # already starting or running
            r = self.http.post(f"{self.url}/hub/api/users/{user}/server", timeout=60)
            assert r.status_code in (201, 202), f"{r.text}\n{self.log()}"
        if not wait:
            return
        waiting = set(users)

        def all_ready() -> bool:
            for user in list(waiting):
                if self.api("GET", f"/users/{user}")["servers"].get("", {}).get("ready"):
                    waiting.discard(user)
            return not waiting

        try:
            wait_until(all_ready, START_TIMEOUT, what="the servers", interval=0.3)
        except TimeoutError:
            raise TimeoutError(f"servers not ready: {sorted(waiting)}\n{self.log()}") from None

    def login(self, user: str):
        """A browser-like session of ``user``, logged in with the hub's form."""
        import requests

        s = requests.Session()
        page = s.get(f"{self.url}/hub/login", timeout=30)
        xsrf = s.cookies.get("_xsrf", "")
        r = s.post(f"{self.url}/hub/login", data={"username": user, "password": "any",
                                                  "_xsrf": xsrf}, timeout=30)
        assert r.status_code == 200 and page.status_code == 200, r.text[:500]
        return s

    def open_notebook(self, user: str, path: str) -> Kernel:
        """Open ``path`` as JupyterLab does: a session with a python3 kernel."""
        model = self.server(user, "POST", "/sessions", json={
            "path": path, "name": Path(path).name, "type": "notebook",
            "kernel": {"name": "python3"}})
        kernel = Kernel(self, user, model["kernel"]["id"])
        self.kernels.append(kernel)
        return kernel

    def pull_link(self) -> str:
        repo = quote(f"file://{self.base / 'crm-course-student'}", safe="")
        urlpath = quote("lab/tree/crm-course-student/notebooks/00-index.ipynb", safe="")
        return f"{self.url}/hub/user-redirect/git-pull?repo={repo}&branch=main&urlpath={urlpath}"

    def pull(self, user: str) -> tuple[object, list[dict]]:
        """Follow the nbgitpuller link as ``user``'s browser does: the link page, then the
        pull it starts (the page's script reads the same event stream). Returns the page and
        the pull's events (the last one's phase is "finished" when the copy is in place)."""
        browser = self.login(user)
        page = browser.get(self.pull_link(), timeout=60)
        params = dict(repo=f"file://{self.base / 'crm-course-student'}", branch="main")
        events = []
        with browser.get(f"{self.url}/user/{user}/git-pull/api", params=params, stream=True,
                         timeout=120) as stream:
            for line in stream.iter_lines(decode_unicode=True):
                if line and line.startswith("data:"):
                    events.append(json.loads(line[5:]))
                    if events[-1].get("phase") in ("finished", "error"):
                        break
        return page, events

    @property
    def live_url(self) -> str:
        """The live-class service through the hub's proxy (deploy/jupyterhub_config.py)."""
        return f"{self.url}/services/live/"

    def wait_live(self, deadline: float) -> float:
        """Wait until the hub's managed service "live" answers (a 403 to a request without a
        token); returns the time it did."""
        import requests

        def answers() -> bool:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the hub exited:\n{self.log()}")
            try:
                return requests.get(self.live_url + "api/stats", timeout=2).status_code == 403
            except requests.RequestException:
                return False

        try:
            wait_until(answers, max(0.0, deadline - time.monotonic()), what="the live service",
                       interval=0.2)
        except TimeoutError:
            raise RuntimeError(f"the live-class service did not start:\n{self.log()}") from None
        return time.monotonic()

    def user_token(self, user: str, note: str = "test") -> str:
        """A new API token of ``user`` with the scopes of their server's token (as a kernel
        holds), made through the hub's API."""
        reply = self.api("POST", f"/users/{user}/tokens", json={
            "note": note, "scopes": ["access:services!service=live", "users:activity!user"]})
        return reply["token"]

    def log(self) -> str:
        return (self.base / "hub.log").read_text(errors="replace")[-4000:]


def _user_names(suffix: str) -> tuple[dict, str]:
    users = {"instructor": f"crmt{suffix}i", **{s: f"crmt{suffix}{s}" for s in STUDENTS}}
    return users, f"crm-instr-{suffix}"


def _make_users(users: dict, group: str) -> None:
    _run("groupadd", group)
    for role, name in users.items():
        _run("useradd", "--create-home", "--shell", "/bin/bash", name)
        os.chmod(Path("~" + name).expanduser(), 0o700)  # as The Littlest JupyterHub does
        if role == "instructor":
            _run("usermod", "-aG", group, name)


def _remove_users(users: dict, group: str) -> None:
    import psutil

    names = set(users.values())
    for proc in psutil.process_iter(["pid", "username"]):
        if proc.info["username"] in names:  # a process of a test user left behind
            try:
                proc.kill()
            except psutil.Error:
                pass
    for name in names:
        subprocess.run(["userdel", "--remove", name], capture_output=True)
    subprocess.run(["groupdel", group], capture_output=True)


def _open_search_path(paths) -> list[tuple[Path, int]]:
    """Give others search (x) permission on the folders above ``paths`` where it is missing,
    so that the learners' servers can run this interpreter; returns what to put back."""
    changed = []
    for path in paths:
        for folder in [*reversed(Path(path).parents), Path(path)]:
            mode = folder.stat().st_mode
            if folder.is_dir() and not mode & stat.S_IXOTH:
                os.chmod(folder, mode | stat.S_IXOTH)
                changed.append((folder, stat.S_IMODE(mode)))
    return changed


#: the folder modes a running hub changed, and which hubs run: two hubs may run at once (the
#: culling test's own hub runs on the other xdist worker while the shared hub runs)
_SHARED = Path(tempfile.gettempdir()) / "crm-course-test-hubs"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def _shared_state():
    """The state file of the running hubs, read and written under an exclusive lock."""
    import fcntl

    _SHARED.mkdir(mode=0o700, exist_ok=True)
    state = _SHARED / "state.json"
    with open(_SHARED / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        data = json.loads(state.read_text()) if state.exists() else {"hubs": [], "modes": []}
        data["hubs"] = [hub for hub in data["hubs"] if _alive(hub[0])]  # a crashed run's
        yield data
        state.write_text(json.dumps(data))


@contextlib.contextmanager
def _search_path_opened(paths):
    """``_open_search_path`` while a hub runs; the modes are put back when the last running
    hub stops (not by the first of two, which would close the folders under the other)."""
    me = [os.getpid(), secrets.token_hex(4)]
    with _shared_state() as data:
        data["hubs"].append(me)
        data["modes"] += [[str(folder), mode] for folder, mode in _open_search_path(paths)]
    try:
        yield
    finally:
        with _shared_state() as data:
            data["hubs"] = [hub for hub in data["hubs"] if hub != me]
            if not data["hubs"]:
                for folder, mode in reversed(data["modes"]):
                    os.chmod(folder, mode)
                data["modes"] = []


def _release(base: Path) -> Path:
    copy = base / "crm-course-student"
    _run(sys.executable, "-m", "course", "release", "--out", str(copy), "--source", str(REPO),
         cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    git = ["git", "-c", "user.name=Teacher", "-c", "user.email=teacher@example.edu"]
    _run(*git, "init", "-q", "-b", "main", cwd=copy)
    _run(*git, "add", ".", cwd=copy)
    _run(*git, "commit", "-q", "-m", "Student copy", cwd=copy)
    shutil.copytree(REPO / "exercises", base / "instructor-bank")  # the key stays with root
    return copy


def missing() -> str:
    """Why a hub cannot run here (empty when it can)."""
    if os.geteuid() != 0:
        return "it needs root (real Unix users are made with useradd)"
    for tool in ("useradd", "userdel", "groupadd", "git"):
        if not shutil.which(tool):
            return f"`{tool}` is missing"
    if not shutil.which("configurable-http-proxy"):
        return "configurable-http-proxy is missing (npm install -g configurable-http-proxy)"
    for module in ("jupyterhub", "nbgitpuller", "websocket", "psutil", "requests"):
        try:
            __import__(module)
        except ImportError:
            return f"the Python package {module!r} is missing (pip install -e '.[test]')"
    if not (VENV_BIN / "jupyterhub").exists():
        return f"no jupyterhub command beside {sys.executable}"
    return ""


def _hub_config(base: Path, users: dict, ports: tuple, token: str, chp: str) -> str:
    """The test's hub configuration (Python), loading the deployed one first."""
    port, hub_port, api_port = ports
    return f"""
load_subconfig({str(DEPLOY_CONFIG)!r})
c.JupyterHub.authenticator_class = "dummy"  # any password; only these users
c.Authenticator.allowed_users = {set(users.values())!r}
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{hub_port}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.ConfigurableHTTPProxy.command = [{chp!r}]
c.JupyterHub.db_url = "sqlite:///{base}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{base}/cookie_secret"
c.ConfigurableHTTPProxy.pid_file = "{base}/proxy.pid"
# The local repository stands in for the school's git server; git refuses to read a repository
# another user owns unless a protected config says it is safe (a local clone drops -c and
# GIT_CONFIG_COUNT settings, so it is a global config file). On a real hub it is a URL.
c.Spawner.environment.update({{"GIT_CONFIG_GLOBAL": "{base}/gitconfig"}})
c.Spawner.cmd = [{str(VENV_BIN / 'jupyterhub-singleuser')!r}]
c.Spawner.start_timeout = {START_TIMEOUT}
c.Spawner.http_timeout = {START_TIMEOUT}
c.JupyterHub.services.append({{"name": "test-driver", "api_token": {token!r}}})
c.JupyterHub.load_roles.append({{"name": "test-driver", "services": ["test-driver"],
    "scopes": ["admin:users", "admin:servers", "access:servers", "read:users", "tokens"]}})
"""


def _hub_env(base: Path, users: dict, group: str, chp: str, ports: tuple,
             extra_env: dict | None) -> dict:
    """The hub process's environment (PATH, the course's folders, the live class); ``ports``
    are the hub's public port and the live service's."""
    port, live_port = ports
    return {"PATH": f"{VENV_BIN}:{Path(chp).parent}:/usr/local/sbin:/usr/local/bin:"
                    "/usr/sbin:/usr/bin:/sbin:/bin",
            "LANG": "C.UTF-8", "HOME": "/root",
            "CRM_COURSE_HUB_COURSE": str(base / "crm-course-student"),
            "CRM_COURSE_EXCHANGE": str(base / "exchange"),
            "CRM_COURSE_INSTRUCTORS": users["instructor"],
            "CRM_COURSE_INSTRUCTOR_GROUP": group,
            # the live class (deploy/jupyterhub_config.py): its port, the instructor's bank
            "CRM_COURSE_LIVE_SERVICE": f"http://127.0.0.1:{live_port}",
            "CRM_COURSE_LIVE_BANK": str(base / "instructor-bank"),
            "CRM_COURSE_LIVE_SESSION": str(base / "live" / "session.sqlite3"),
            # the address browsers use (deploy config -> c.JupyterHub.public_url): the hub gives
            # it to the live service ($JUPYTERHUB_PUBLIC_URL), drawn as the QR code
            "CRM_COURSE_HUB_PUBLIC_URL": f"http://127.0.0.1:{port}/",
            **(extra_env or {})}


@contextlib.contextmanager
def running_hub(extra_env: dict | None = None, extra_config: str = "", student_copy=True):
    """Users, a student copy in a local git repository, and the hub; all removed afterwards.

    ``extra_env`` and ``extra_config`` (Python appended to the test's hub configuration) change
    one hub for one test (tests/hub/test_culling.py: culling in seconds, not hours).
    ``student_copy=False``: no student copy and no instructor's bank, so no live-class service
    either (the servers import the course installed beside the hub): a hub that only starts
    servers, for a test of the hub itself."""
    chp = shutil.which("configurable-http-proxy")
    t0 = time.monotonic()
    suffix = secrets.token_hex(2)
    base = Path(tempfile.mkdtemp(prefix="crm-hub-"))
    os.chmod(base, 0o755)
    opened = _search_path_opened([sys.prefix, sys.base_prefix,
                                  Path(sys.executable).resolve().parent, base])
    opened.__enter__()
    users, group = _user_names(suffix)
    proc = None
    try:
        _make_users(users, group)
        phases = {"users": time.monotonic() - t0}
        if student_copy:
            _release(base)
        phases["release"] = time.monotonic() - t0
        port, hub_port, api_port, live_port = (free_port(), free_port(), free_port(),
                                               free_port())
        token = secrets.token_hex(16)
        (base / "gitconfig").write_text(
            f"[safe]\n\tdirectory = {base / 'crm-course-student' / '.git'}\n", encoding="utf-8")
        os.chmod(base / "gitconfig", 0o644)
        (base / "test_config.py").write_text(
            _hub_config(base, users, (port, hub_port, api_port), token, chp) + extra_config,
            encoding="utf-8")
        env = _hub_env(base, users, group, chp, (port, live_port), extra_env)
        log = open(base / "hub.log", "wb")
        proc = subprocess.Popen([str(VENV_BIN / "jupyterhub"), "-f", str(base / "test_config.py")],
                                cwd=base, env=env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
        hub = Hub(base, port, token, users, group)
        hub.proc = proc
        deadline = time.monotonic() + START_TIMEOUT

        def hub_answers() -> bool:
            if proc.poll() is not None:
                raise RuntimeError(f"the hub exited:\n{hub.log()}")
            try:
                return hub.http.get(f"{hub.url}/hub/api", timeout=2).status_code == 200
            except OSError:
                return False

        try:
            wait_until(hub_answers, START_TIMEOUT, what="the hub", interval=0.2)
        except TimeoutError:
            raise RuntimeError(f"the hub did not start:\n{hub.log()}") from None
        hub.live_started_in = hub.wait_live(deadline) - t0 if student_copy else None
        hub.started_in = time.monotonic() - t0
        phases["hub"] = hub.started_in
        hub.phases = phases
        yield hub
    finally:
        if proc is not None:
            for kernel in getattr(locals().get("hub"), "kernels", []):
                kernel.close()
            proc.terminate()  # the hub stops the users' servers and the proxy it started
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # anything of its group still running
            except ProcessLookupError:
                pass
            log.close()
        _remove_users(users, group)
        opened.__exit__(None, None, None)
        shutil.rmtree(base, ignore_errors=True)
