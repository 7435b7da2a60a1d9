"""The CRM toolkit's input checks say a learner's row and value as the learner wrote them
(``row 7``, never numpy's ``np.int64(7)``), and a 0/1 column in any number type is a
True/False column, not a crash."""
import numpy as np
import pandas as pd
import pytest

from course.crm._checks import as_bool, as_datetime, as_number, no_missing
from course.errors import InputError

# row labels 3 and 7 (int64 in the index), the bad value in row 7
CASES = [
    (as_datetime, ["2026-04-16", "soon"],
     "inquiries: column 'd' must hold dates; 'soon' in row 7 is not a date "
     "(expected e.g. '2026-04-16 09:30')."),
    (as_number, ["1", "x"], "inquiries: column 'd' must hold numbers; 'x' in row 7 is not one."),
    (no_missing, [1.0, np.nan], "inquiries: column 'd' has 1 missing value(s), e.g. in rows [7]. "
                                "Fill them in or drop those rows first."),
    (as_bool, [1, 2], "inquiries: column 'd' must hold True/False values; found 2 (dtype int64)."),
    (as_bool, [0.0, 0.5], "inquiries: column 'd' must hold True/False values; found 0.5 "
                          "(dtype float64)."),
    (as_bool, [True, "yes"], "inquiries: column 'd' must hold True/False values; found 'yes' "
                             "(dtype object)."),
]


@pytest.mark.parametrize("check,values,message", CASES,
                         ids=["date", "number", "missing", "bool-int", "bool-float", "bool-text"])
def test_an_error_names_the_row_and_value_as_plain_values(check, values, message):
    df = pd.DataFrame({"d": values}, index=np.array([3, 7], dtype="int64"))
    with pytest.raises(InputError) as err:
        check(df, "d", "inquiries")
    assert str(err.value) == message
    assert "np." not in str(err.value)


@pytest.mark.parametrize("values", [[0.0, 1.0], [1, True], [np.True_, False], [0, 1]],
                         ids=["floats", "int-and-bool", "numpy-bool", "ints"])
def test_zero_one_in_any_number_type_is_a_truth_value(values):
    out = as_bool(pd.DataFrame({"d": values}), "d", "customers")
    assert out.dtype == bool and out.tolist() == [bool(v) for v in values]


def test_text_that_looks_like_a_number_is_not_a_truth_value():
    with pytest.raises(InputError, match="found '1'"):
        as_bool(pd.DataFrame({"d": [True, "1"]}), "d", "customers")
