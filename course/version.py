"""The version of the course package (one place; the package and its tools read it here)."""

__version__ = "0.1.0"
