"""Instructor tools: the student copy (release), the class report (report) and class mode (present)."""
