"""Old import path of :mod:`course.text`, kept for one release."""
from course.text import LANGUAGES, Bilingual, as_bilingual, localize, text_key

__all__ = ["LANGUAGES", "Bilingual", "as_bilingual", "localize", "text_key"]
