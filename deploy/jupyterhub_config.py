# The course's JupyterHub configuration: one server for a class, every learner a Unix user.
#
#   sudo jupyterhub -f deploy/jupyterhub_config.py            # a plain JupyterHub
#   sudo cp deploy/jupyterhub_config.py \
#        /opt/tljh/config/jupyterhub_config.d/crm-course.py    # The Littlest JupyterHub
#
# On The Littlest JupyterHub (TLJH) only the course part applies: TLJH keeps its own
# authenticator and spawner, and its users are the Unix users jupyter-<name>.
# tests/hub/ starts a real hub with this very file (overriding the authenticator and the
# ports in a small file of its own), so what is written here is what the tests run.
import grp
import os
import sys

c = get_config()  # noqa: F821 - JupyterHub defines it when it loads this file

# ------------------------------------------------------------------ the course (everywhere)
# The student copy installed for every learner (`crm-course release`, then
# `pip install -e /srv/crm-course-student nbgitpuller`): the kernels import `course` from it.
COURSE = os.environ.get("CRM_COURSE_HUB_COURSE", "/srv/crm-course-student")
# Where `crm-course submit` hands in and `crm-course collect` gathers.
EXCHANGE = os.environ.get("CRM_COURSE_EXCHANGE", "/srv/crm-course/exchange")
# Hub users who teach (comma-separated): admins of the hub, members of the Unix group below.
INSTRUCTORS = [u for u in os.environ.get("CRM_COURSE_INSTRUCTORS", "teacher").split(",") if u]
# The Unix group that may read the inbox (groupadd crm-instructors; usermod -aG ...).
INSTRUCTOR_GROUP = os.environ.get("CRM_COURSE_INSTRUCTOR_GROUP", "crm-instructors")

c.Spawner.default_url = "/lab"
# (update and extend, not assign: TLJH's own settings of these stay)
c.Spawner.environment.update({
    "CRM_COURSE_EXCHANGE": EXCHANGE,
    # Where the kernels find the course package when it is not pip-installed (tests).
    "PYTHONPATH": COURSE,
})
# A learner's server needs neither code intelligence (jupyter_lsp) nor Voila (projection runs
# on the teacher's laptop): without them it starts about a quarter faster and uses less memory.
c.Spawner.args.extend([
    "--ServerApp.jpserver_extensions={'jupyter_lsp': False, 'voila.server_extension': False}",
])
# Each learner's server may use one CPU and 1 GB (docs/deploy.md: one learner running a lesson
# needs about a quarter of that). TLJH's systemd spawner enforces these limits; the plain
# LocalProcessSpawner below only passes them on (MEM_LIMIT, CPU_LIMIT), it cannot enforce them.
c.Spawner.mem_limit = "1G"
c.Spawner.cpu_limit = 1.0

# ------------------------------------------------------- freeing memory (everywhere)
# A kernel nobody uses (a closed tab, a lesson left open) is shut down after this many
# seconds; the learner's notebook and progress stay, a new kernel starts on the next run.
KERNEL_IDLE_SECONDS = int(os.environ.get("CRM_COURSE_KERNEL_IDLE", "1200"))  # 20 minutes
c.Spawner.args.extend([
    f"--MappingKernelManager.cull_idle_timeout={KERNEL_IDLE_SECONDS}",
    "--MappingKernelManager.cull_interval=300",  # look every 5 minutes
    "--MappingKernelManager.cull_connected=True",  # an open tab left idle counts as idle too
    "--MappingKernelManager.cull_busy=False",  # never a kernel still running a cell
])
# A learner's whole server (about 300 MiB with its kernel) stops after this long without any
# activity (jupyterhub-idle-culler, below); the learner's files stay, the next login starts it.
SERVER_IDLE_SECONDS = int(os.environ.get("CRM_COURSE_CULL_IDLE", "3600"))  # 1 hour
CULL_EVERY_SECONDS = int(os.environ.get("CRM_COURSE_CULL_EVERY", "300"))  # look every 5 min

# nbgitpuller: its link /hub/user-redirect/git-pull?repo=... copies the student copy into
# the learner's home; it is a server extension of the single-user server (pip install
# nbgitpuller in the users' environment enables it), nothing to configure here.

c.JupyterHub.load_groups = {"instructors": {"users": INSTRUCTORS}}
c.Authenticator.admin_users = set(INSTRUCTORS)

# The address students' browsers and phones use, e.g. https://hub.example.edu/: the
# hub passes it to the live-class service as $JUPYTERHUB_PUBLIC_URL, and the dashboard draws
# the learner page's QR code from it. Unset, the dashboard shows no QR code (a hub learns its
# address only from each browser's request) and the service's log says so.
PUBLIC_URL = os.environ.get("CRM_COURSE_HUB_PUBLIC_URL", "")
if PUBLIC_URL:
    c.JupyterHub.public_url = PUBLIC_URL


def prepare_exchange(root=EXCHANGE, group=INSTRUCTOR_GROUP):
    """Make the exchange folder (the hub runs as root): see course/instructor/exchange.py.

    root:root 0755, and inbox/ root:<group> 3773: students can hand in (write, no listing),
    the sticky bit stops them replacing or deleting each other's files, the setgid bit gives
    every submission the instructors' group, and each file is written 0640.
    """
    try:
        gid = grp.getgrnam(group).gr_gid
    except KeyError:
        print(f"crm-course: no Unix group {group!r}: the exchange {root} is not set up "
              f"(groupadd {group}, then restart the hub)", file=sys.stderr)
        return
    inbox = os.path.join(root, "inbox")
    os.makedirs(inbox, exist_ok=True)
    os.chmod(root, 0o755)
    os.chown(inbox, 0, gid)
    os.chmod(inbox, 0o3773)


if os.geteuid() == 0:
    prepare_exchange()

# ------------------------------------------------------------ the live class (everywhere)
# `crm-course live --hub` runs as the hub service "live" at /services/live/ (docs/instructor.md,
# "Live class"): the learners' kernels send each Check with their own API token, and members
# of the hub group "instructors" open the dashboard through the hub's login.
LIVE_URL = os.environ.get("CRM_COURSE_LIVE_SERVICE", "http://127.0.0.1:8870")
# The instructor's bank (with the answer keys: never the student copy's) that re-grades attempts.
LIVE_BANK = os.environ.get("CRM_COURSE_LIVE_BANK", "/srv/crm-course/instructor/exercises")
# The session file (kept across restarts; `crm-course live --export` turns it into submissions).
LIVE_SESSION = os.environ.get("CRM_COURSE_LIVE_SESSION", "/srv/crm-course/live/session.sqlite3")
# A Python with the course and jupyterhub installed (on TLJH: /opt/tljh/user/bin/python).
LIVE_PYTHON = os.environ.get("CRM_COURSE_LIVE_PYTHON", sys.executable)

# The Unix user the service runs as (useradd --system crm-live): not root, so a flaw in the
# service cannot reach the hub's own files. It must read the bank and own the session folder
# (prepare_live below makes the folder); without that user the service runs as the hub's.
LIVE_USER = os.environ.get("CRM_COURSE_LIVE_USER", "crm-live")


def live_user(name=LIVE_USER):
    """The service's own user when it exists (and the hub may switch to it), else None."""
    import pwd

    try:
        pwd.getpwnam(name)
    except KeyError:
        print(f"crm-course: no Unix user {name!r}: the live class runs as the hub's user "
              f"(useradd --system {name}, then restart the hub)", file=sys.stderr)
        return None
    return name if os.geteuid() == 0 else None


def prepare_live(session=LIVE_SESSION, user=None):
    """The session folder: 0700, owned by the service's user (the service makes the file
    0600 in it, course/live/store.py)."""
    import pwd

    folder = os.path.dirname(session)
    os.makedirs(folder, mode=0o700, exist_ok=True)
    os.chmod(folder, 0o700)
    if user is not None:
        entry = pwd.getpwnam(user)
        os.chown(folder, entry.pw_uid, entry.pw_gid)


# The hub does not start when a service it manages fails: without the bank, no live class.
if os.path.isdir(LIVE_BANK):
    LIVE_AS = live_user()
    if os.geteuid() == 0:
        prepare_live(user=LIVE_AS)
    c.JupyterHub.services.append({
        "name": "live",
        "url": LIVE_URL,
        "command": [LIVE_PYTHON, "-m", "course", "live", "--hub", "--bank", LIVE_BANK,
                    "--session", LIVE_SESSION],
        "environment": {"PYTHONPATH": COURSE},
        **({"user": LIVE_AS} if LIVE_AS else {}),
        # What a login to the service may carry: the dashboard's scope (held by the instructors
        # only, below); the hub adds the service's access scope itself. The hub's own service:
        # no page asking each instructor to confirm.
        "oauth_client_allowed_scopes": ["custom:crm-live:teach"],
        "oauth_no_confirm": True,
        "display": False,
    })
    c.JupyterHub.custom_scopes = {
        "custom:crm-live:teach": {
            "description": "Open the live-class dashboard and reveal solutions to the class.",
        },
    }
    c.JupyterHub.load_roles.extend([
        # every hub user may use the service (their attempts only: the service files each attempt
        # under the name the hub gives the token)...
        {"name": "user", "scopes": ["self", "access:services!service=live"]},
        # ...and the instructors' group may also see the dashboard and reveal.
        {"name": "crm-live-instructor", "scopes": ["custom:crm-live:teach"],
         "groups": ["instructors"]},
    ])
    # The API token of each learner's server (which its kernels hold) may post to the service:
    # the default scopes of a server's token, plus access to the live class.
    c.Spawner.server_token_scopes = ["users:activity!user", "access:servers!server",
                                     "access:services!service=live"]
    # The kernels join the class by themselves (course.lesson reads it; no join code on a hub).
    c.Spawner.environment.update({"CRM_COURSE_LIVE_URL": f"{LIVE_URL}/services/live/"})
else:
    print(f"crm-course: no instructor bank at {LIVE_BANK}: the live class (service live) is "
          f"off (copy your exercises/ folder there, then restart the hub)", file=sys.stderr)

# ------------------------------------------------------------- a hub of its own (not TLJH)
if "tljh" not in sys.modules:
    # Every learner's server runs as their own Unix user, in their home folder: file
    # permissions keep one learner's work and progress from another's.
    c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
    c.Spawner.notebook_dir = "~"
    # Log in with the Unix password (PAM). tests/hub/ overrides this with the dummy
    # authenticator; a school may use its own (LDAP, OAuth...).
    c.JupyterHub.authenticator_class = "pam"
    # Unix users are not created on first login here: add learners with useradd (and chmod
    # 0700 their home, as TLJH does), or use TLJH, which does both.
    c.JupyterHub.bind_url = os.environ.get("CRM_COURSE_HUB_URL", "http://:8000")
    # Idle servers stop (TLJH culls with its own settings: `tljh-config set services.cull...`).
    import importlib.util

    if importlib.util.find_spec("jupyterhub_idle_culler") is not None:
        c.JupyterHub.services.append({
            "name": "idle-culler",
            "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                        f"--timeout={SERVER_IDLE_SECONDS}", f"--cull-every={CULL_EVERY_SECONDS}"],
        })
        c.JupyterHub.load_roles.append({
            "name": "idle-culler", "services": ["idle-culler"],
            "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        })
    else:
        print("crm-course: jupyterhub-idle-culler is not installed: idle servers are never "
              "stopped (pip install jupyterhub-idle-culler in the hub's environment)",
              file=sys.stderr)
