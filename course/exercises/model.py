"""Old import path of the exercise model, kept for one release.

The model now lives in :mod:`course.exercises.kinds` (one module per type, and the registry),
:mod:`course.exercises.results` and :mod:`course.exercises.bank`.
"""
from course.errors import DefinitionError, UnknownExerciseError
from course.exercises.bank import Bank, Lesson
from course.exercises.kinds import build_exercise, types
from course.exercises.kinds.base import Exercise
from course.exercises.kinds.choice import ChoiceExercise, Option
from course.exercises.kinds.cloze import BLANK, Blank, ClozeExercise
from course.exercises.kinds.matching import MatchingExercise
from course.exercises.kinds.numeric import NumericExercise
from course.exercises.kinds.ordering import OrderingExercise
from course.exercises.kinds.true_false import TrueFalseExercise
from course.exercises.results import GradeResult, ItemResult

TYPES = types()

__all__ = [
    "BLANK", "Bank", "Blank", "ChoiceExercise", "ClozeExercise", "DefinitionError", "Exercise",
    "GradeResult", "ItemResult", "Lesson", "MatchingExercise", "NumericExercise", "Option",
    "OrderingExercise", "TYPES", "TrueFalseExercise", "UnknownExerciseError", "build_exercise",
]
