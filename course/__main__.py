"""`python -m course` runs the crm-course command line."""
import sys

from course.cli import main

sys.exit(main())
