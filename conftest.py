"""Root test set-up: also applies to ``pytest notebooks/``, which does not read tests/conftest.py.

Set before any kernel starts (nbval kernels inherit the environment), so notebooks run against
a fresh, private progress store and in the default language and mode, never a learner's own.
"""
import os
import tempfile

for _name in [k for k in os.environ if k.startswith("CRM_COURSE_")]:
    del os.environ[_name]
os.environ["CRM_COURSE_HOME"] = tempfile.mkdtemp(prefix="crm-course-test-home-")
os.environ.setdefault("MPLBACKEND", "Agg")
