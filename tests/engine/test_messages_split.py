"""The catalogue is kept in three files by area; together they are the one catalogue."""
import ast
from pathlib import Path

from course import messages, messages_instructor, messages_learner, messages_live

AREAS = (messages_learner.LEARNER, messages_instructor.INSTRUCTOR, messages_live.LIVE)


def _literal_keys(module) -> list[str]:
    """The keys as written in the module's dict literal (a repeated key is lost at run time)."""
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    return [k.value for node in ast.walk(tree) if isinstance(node, ast.Dict)
            for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)
            and node.keys and node is tree.body[-1].value]


def test_no_key_is_in_two_areas_or_twice_in_one():
    written = [k for m in (messages_learner, messages_instructor, messages_live)
               for k in _literal_keys(m)]
    assert len(written) == len(set(written))
    assert sum(map(len, AREAS)) == len(written)


def test_the_catalogue_is_the_three_areas():
    for area in AREAS:
        for key, texts in area.items():
            assert messages.MESSAGES[key] == texts
