#!/usr/bin/env bash
# Set up the course on The Littlest JupyterHub (run once, as root, on the TLJH server).
#   sudo bash deploy/tljh-setup.sh https://git.example.edu/teacher/crm-course-student.git teacher
# Argument 1: the student copy's git repository; 2...: the hub users who teach.
# See docs/deploy.md. The course part of deploy/jupyterhub_config.py is what this installs.
set -euo pipefail
repo=${1:?the student copy repository URL}
shift
instructors=("${@:-teacher}")
here=$(cd "$(dirname "$0")" && pwd)

# The course and nbgitpuller in the learners' environment (TLJH's /opt/tljh/user).
if [ ! -d /srv/crm-course-student/.git ]; then
    git clone "$repo" /srv/crm-course-student
fi
/opt/tljh/user/bin/pip install -e /srv/crm-course-student nbgitpuller

# The instructors' Unix group: it reads the exchange's inbox. TLJH's Unix users are
# jupyter-<hub user>; a user who has never logged in has no Unix account yet.
getent group crm-instructors >/dev/null || groupadd crm-instructors
for name in "${instructors[@]}"; do
    if id "jupyter-$name" >/dev/null 2>&1; then
        usermod -aG crm-instructors "jupyter-$name"
    else
        echo "tljh-setup: jupyter-$name does not exist yet: log in once as $name, then run" \
             "usermod -aG crm-instructors jupyter-$name" >&2
    fi
done

# The course's hub settings (exchange folder, instructors, learners' environment).
install -m 0644 "$here/jupyterhub_config.py" /opt/tljh/config/jupyterhub_config.d/crm-course.py
mkdir -p /etc/systemd/system/jupyterhub.service.d
cat > /etc/systemd/system/jupyterhub.service.d/crm-course.conf <<CONF
[Service]
Environment=CRM_COURSE_INSTRUCTORS=$(IFS=,; echo "${instructors[*]}")
# the live class's service runs with the learners' Python (the course and jupyterhub are there)
Environment=CRM_COURSE_LIVE_PYTHON=/opt/tljh/user/bin/python
CONF
# The live class grades with the instructor's bank: copy your exercises/ folder here.
install -d -m 0700 /srv/crm-course/instructor
[ -d /srv/crm-course/instructor/exercises ] || echo "tljh-setup: copy your instructor bank" \
    "(exercises/, with the answer keys) to /srv/crm-course/instructor/exercises for the live" \
    "class (docs/instructor.md, Live class)" >&2
tljh-config set user_environment.default_app jupyterlab
for name in "${instructors[@]}"; do tljh-config add-item users.admin "$name"; done
systemctl daemon-reload
tljh-config reload hub
echo "tljh-setup: done. The nbgitpuller link and how to collect: docs/deploy.md"
