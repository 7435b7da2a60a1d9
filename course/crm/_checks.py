"""Input checks shared by the CRM toolkit: clear errors that name the column or value at fault."""
from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

from course.errors import InputError


def suggest(name: str, choices: Iterable[str]) -> str:
    """Return ' Did you mean 'x'?' when a close match exists, else ''."""
    choices = [str(c) for c in choices]
    lowered = {c.lower(): c for c in choices}
    if str(name).lower() in lowered:
        return f" Did you mean '{lowered[str(name).lower()]}'?"
    close = difflib.get_close_matches(str(name), choices, n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""


def one_of(value, valid: Iterable[str], what: str) -> str:
    """Check that ``value`` is one of ``valid`` (case-insensitive); return the canonical spelling."""
    valid = list(valid)
    if isinstance(value, str):
        for v in valid:
            if value.strip().lower() == v.lower():
                return v
    raise InputError(
        f"Unknown {what} {value!r}.{suggest(str(value), valid)} "
        f"Expected one of: {', '.join(valid)}."
    )


def require_frame(df, columns: Iterable[str], what: str, *, allow_empty: bool = False):
    """Check that ``df`` is a non-empty DataFrame with ``columns``; name any missing column."""
    import pandas as pd

    columns = list(columns)
    if not isinstance(df, pd.DataFrame):
        raise InputError(
            f"{what} must be a pandas DataFrame with the columns {', '.join(columns)}; "
            f"got {type(df).__name__}."
        )
    missing = [c for c in columns if c not in df.columns]
    if missing:
        hints = "".join(suggest(c, df.columns) for c in missing)
        raise InputError(
            f"{what} is missing the column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(repr(c) for c in missing)}.{hints} "
            f"Expected the columns: {', '.join(columns)}."
        )
    if not allow_empty and len(df) == 0:
        raise InputError(f"{what} is empty: it needs at least one row.")
    return df


def plain(value):
    """``value`` as the learner wrote it: a numpy scalar (a row label or a cell of a typed
    column) becomes the Python value it holds, so an error says ``7``, not ``np.int64(7)``."""
    import numpy as np

    return value.item() if isinstance(value, np.generic) else value


def no_missing(df, column: str, what: str) -> None:
    """Raise when ``column`` has missing values, naming the first rows."""
    bad = df[column].isna().to_numpy()
    if bad.any():
        rows = [plain(r) for r in df.index[bad][:5]]
        raise InputError(
            f"{what}: column {column!r} has {int(bad.sum())} missing value(s), e.g. in rows "
            f"{rows}. Fill them in or drop those rows first."
        )


def wrong_values(what: str, column: str, holds: str, detail: str) -> InputError:
    """The error for a column with a value it may not hold:
    "<what>: column '<column>' must hold <holds>; <detail>"."""
    return InputError(f"{what}: column {column!r} must hold {holds}; {detail}")


def as_bool(df, column: str, what: str):
    """Return ``df[column]`` as a bool numpy array; accept bools and 0/1 only."""
    import numpy as np
    import pandas as pd

    s = df[column]
    no_missing(df, column, what)
    if pd.api.types.is_bool_dtype(s):
        return s.to_numpy(dtype=bool)
    # 0/1 as integers, as floats (a 0/1 column that pandas read as 0.0/1.0) or mixed with
    # True/False in an object column; text such as "1" or "yes" is not a truth value
    if pd.api.types.is_numeric_dtype(s):
        truth = s.isin([0, 1])
    else:
        truth = s.map(lambda v: isinstance(v, (bool, int, float, np.number)) and v in (0, 1))
    if truth.all():
        return s.to_numpy(dtype=bool)
    sample = plain(s[~truth.to_numpy(dtype=bool)].iloc[0])
    raise wrong_values(what, column, "True/False values", f"found {sample!r} (dtype {s.dtype}).")


def as_datetime(df, column: str, what: str):
    """Return ``df[column]`` parsed as datetimes; a value that is not a date is a clear error."""
    import pandas as pd

    s = df[column]
    no_missing(df, column, what)
    if pd.api.types.is_datetime64_any_dtype(s):
        if getattr(s.dt, "tz", None) is not None:
            s = s.dt.tz_localize(None)
        return s
    parsed = pd.to_datetime(s, errors="coerce", format="mixed")
    bad = parsed.isna().to_numpy()
    if bad.any():
        row = df.index[bad][0]
        value, row = plain(s[row]), plain(row)
        raise wrong_values(what, column, "dates", f"{value!r} in row {row!r} is not a date "
                                                  "(expected e.g. '2026-04-16 09:30').")
    return parsed


def as_number(df, column: str, what: str):
    """Return ``df[column]`` as floats; text in a number column is a clear error."""
    import pandas as pd

    s = df[column]
    if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
        return s
    parsed = pd.to_numeric(s, errors="coerce")
    bad = parsed.isna().to_numpy() & s.notna().to_numpy()
    if bad.any():
        row = df.index[bad][0]
        value, row = plain(s[row]), plain(row)
        raise wrong_values(what, column, "numbers", f"{value!r} in row {row!r} is not one.")
    return parsed


def as_timestamp(value, what: str):
    """Parse one date/time value (a Timestamp, datetime, date or ISO text)."""
    import pandas as pd

    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        ts = None
    if ts is None or ts is pd.NaT or pd.isna(ts):
        raise InputError(
            f"{what} must be a date or time such as '2026-04-16 09:30'; got {value!r}."
        )
    if ts.tzinfo is not None:
        ts = ts.tz_localize(None)
    return ts


def mapping_get(case, key: str, what: str, expected: Iterable[str]):
    """Read ``key`` from a mapping or a pandas row, with a clear error when it is missing."""
    if isinstance(case, Mapping) or (callable(getattr(case, "keys", None))
                                     and hasattr(case, "__getitem__")):
        keys = list(case.keys())  # a dict, or a pandas row (Series)
    else:
        raise InputError(
            f"{what} must be a mapping (a dict or a DataFrame row); got {type(case).__name__}."
        )
    if key not in keys:
        raise InputError(
            f"{what} has no {key!r}.{suggest(key, keys)} Expected the keys: "
            f"{', '.join(expected)}."
        )
    return case[key]
