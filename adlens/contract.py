"""The data contract: loads a dataset folder or uploaded files into a normalised `Dataset`.

Checks every rule of DOMAIN.md section 4 in one vectorised pass and reports all problems at once.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import datetime as dt
import hashlib
import io
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pa_compute
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from adlens import schema
from adlens.dataset import TRUTH_CAUSES, TRUTH_COLUMNS, Dataset

DEFAULT_MAX_BYTES = 200 * 1024**2
ROW_NOTE = "Row numbers count data rows from 1 (the header row is not counted)."
SHOWN_ROWS = 3  # row numbers spelled out in a message
KEPT_ROWS = 20  # row numbers a Problem keeps for the app to highlight
SAMPLE_DIR = Path(__file__).resolve().parent.parent / "sample_data"
FORMATS = (".csv", ".parquet")
META_FILE = "dataset.json"  # a generated world's description, beside its tables
UTF8_CHUNK = 16 * 1024**2
# Timestamps an event can plausibly carry: Meta's first app (Facebook) opened in February 2004,
# and nothing is planned past this century. A stamp outside (year 9999, year 1, the Unix epoch)
# is a placeholder or an error, and the app's filters and timelines cannot show it.
TS_RANGE: tuple[dt.date, dt.date] = (dt.date(2004, 1, 1), dt.date(2099, 12, 31))
PARQUET_MAGIC = b"PAR1"

# What each event type needs (DOMAIN.md section 4).
NEEDS_TOPIC = ("like", "follow", "post", "watch", "friend_like", "site_visit")
NEEDS_DWELL = ("watch", "ad_impression")
NEEDS_AD = ("ad_impression", "ad_click")
NEEDS_TEXT_OR_TOPIC = ("ai_chat", "conversation")
# Optional event columns the generator writes; normalised like the other text columns.
OPTIONAL_EVENT_TEXT = ("advertiser", "true_topic")
TRUE_WORDS = ("true", "1", "yes")
FALSE_WORDS = ("false", "0", "no")


_ESCAPES = {i: f"\\u{i:04x}" for i in (*range(32), 127, 0x85, 0x2028, 0x2029)} | {
    ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}


# --- problems ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Problem:
    """One way a file breaks the contract, in words an analyst can act on.

    `rows` holds the first few affected data rows (1-based, header not counted); `n_rows` is how
    many rows are affected in all (0 when the problem is about the whole file or a column).
    """

    file: str
    rows: tuple[int, ...]
    column: str | None
    message: str
    n_rows: int = 0

    def __str__(self) -> str:
        parts = [self.file]
        if self.rows:
            total = max(self.n_rows, len(self.rows))
            shown = ", ".join(str(r) for r in self.rows[:SHOWN_ROWS])
            more = total - min(len(self.rows), SHOWN_ROWS)
            parts.append(("row " if total == 1 else "rows ") + shown
                         + (f" (and {more} more)" if more > 0 else ""))
        if self.column is not None:
            parts.append(f'column "{self.column}"')
        # One problem is one line: control characters from file or column names are escaped.
        return (", ".join(parts) + ": " + self.message).translate(_ESCAPES)


class ContractError(Exception):
    """The dataset breaks the data contract; `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems: list[Problem] = list(problems)
        n = len(self.problems)
        head = f"The dataset breaks the data contract ({n} problem{'s' if n != 1 else ''}). "
        super().__init__(head + ROW_NOTE + "".join(f"\n- {p}" for p in self.problems))


# --- formatting helpers --------------------------------------------------------------------
def _quote(value: object) -> str:
    text = str(value)
    if text == "":
        return "an empty cell"
    if len(text) > 40:
        text = text[:40] + "…"
    return json.dumps(text, ensure_ascii=False)


def _describe_found(values: pd.Series) -> str:
    distinct = values.drop_duplicates()
    shown = ", ".join(_quote(v) for v in distinct.head(SHOWN_ROWS))
    others = len(distinct) - min(len(distinct), SHOWN_ROWS)
    return shown + (f" and {others} other value{'s' if others != 1 else ''}" if others else "")


def _one_of(values: tuple[str, ...] | list[str]) -> str:
    return "one of " + ", ".join(values)


TOPIC_EXPECTATION = (
    "a topic id from the taxonomy (" + ", ".join(schema.ALL_TOPICS[:6])
    + f", ... {len(schema.ALL_TOPICS)} in all, lower case)"
)
COUNTRY_EXPECTATION = "a two-letter ISO 3166-1 country code such as US, DE, GB or KR"
# Codes people often write that ISO 3166-1 spells otherwise.
COUNTRY_HINTS = {"UK": ("the United Kingdom", "GB"), "EL": ("Greece", "GR")}


def _a(word: str) -> str:
    # "a user_id", "an event_id", "an ad_impression event"
    return ("an " if word[:1] in ("a", "e", "i", "o") else "a ") + word


def _mb(n_bytes: int) -> str:
    return f"{n_bytes / 1024**2:.1f} MB"


@dataclass
class _Checker:
    """Collects the problems of one file; masks are aligned with the file's data rows."""

    file: str
    problems: list[Problem] = field(default_factory=list)

    def whole(self, message: str, column: str | None = None) -> None:
        self.problems.append(Problem(self.file, (), column, message))

    def rows(self, mask: object, column: str | None, message: str,
             found: pd.Series | Callable[[], pd.Series] | None = None) -> None:
        """Record a problem for the rows in `mask`; `found` (or a function making it, so the
        raw text is built only when something is wrong) gives the values shown."""
        if isinstance(mask, pd.Series):
            mask = mask.to_numpy(dtype=bool, na_value=False)
        idx = np.flatnonzero(np.asarray(mask, dtype=bool))
        if idx.size == 0:
            return
        if callable(found):
            found = found()
        if found is not None:
            message += "; found " + _describe_found(found.iloc[idx])
        rows = tuple(int(i) + 1 for i in idx[:KEPT_ROWS])
        self.problems.append(Problem(self.file, rows, column, message, int(idx.size)))


# --- reading files -------------------------------------------------------------------------
@dataclass(frozen=True)
class _TableFile:
    """One table as file bytes, or as an in-memory frame (a generated population)."""

    table: str
    name: str
    data: bytes = b""
    frame: pd.DataFrame | None = None
    # A part of a table (a block of people's rows) may be empty; the whole table may not.
    part: bool = False

    def fingerprint(self) -> bytes:
        if self.frame is None:
            return self.data
        try:
            hashed = pd.util.hash_pandas_object(self.frame, index=False).to_numpy().tobytes()
        except TypeError:  # unhashable cells (lists): hash their text instead
            hashed = self.frame.astype("str").to_csv(index=False).encode()
        return json.dumps([str(c) for c in self.frame.columns]).encode() + hashed


def _csv_header(data: bytes) -> list[str] | None:
    """The header row, parsed like the body (quotes honoured); None for an empty file."""
    text = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")
    try:
        return next(csv.reader(text))
    except StopIteration:
        return None


def _utf8_problem(data: bytes, check: _Checker) -> bool:
    # Decoded in chunks so a 200 MB file is not held twice just to be checked.
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    for start in range(0, len(data), UTF8_CHUNK):
        pending = len(decoder.getstate()[0])
        try:
            decoder.decode(view[start:start + UTF8_CHUNK], final=start + UTF8_CHUNK >= len(data))
        except UnicodeDecodeError as exc:
            at = min(max(start + exc.start - pending, 0), len(data) - 1)
            line = data.count(b"\n", 0, at) + 1
            where = "in the header row" if line == 1 else f"near data row {line - 1}"
            check.whole(f"is not UTF-8 text (byte 0x{data[at]:02X} {where}); "
                        "save it as 'CSV UTF-8' and upload it again")
            return True
    return False


def _read_csv(data: bytes, check: _Checker) -> pd.DataFrame | None:
    # Every cell is read as text: nothing is inferred or evaluated, so a cell such as
    # =HYPERLINK(...) or 007 loads exactly as written.
    if _utf8_problem(data, check):
        return None
    try:
        header = _csv_header(data)
    except csv.Error as exc:
        check.whole(f"the header row could not be read as CSV ({exc})")
        return None
    if not header or header == [""]:
        check.whole("is empty: expected a header row naming the columns, then data rows")
        return None
    ragged_rows: list[int] = []
    ragged_counts: list[int] = []
    n_ragged = 0

    def on_ragged(row: pa_csv.InvalidRow) -> str:
        nonlocal n_ragged
        n_ragged += 1
        if len(ragged_rows) < KEPT_ROWS:
            ragged_rows.append((row.number or 2) - 1)  # physical line -> data row
            ragged_counts.append(row.actual_columns)
        return "skip"

    if not data.endswith((b"\n", b"\r")):
        data += b"\n"  # a last line without a line break (the header alone, say) still counts
    try:
        table = pa_csv.read_csv(
            io.BytesIO(data),
            # One thread so that a ragged row's line number is known.
            read_options=pa_csv.ReadOptions(use_threads=False, block_size=16 * 1024**2),
            parse_options=pa_csv.ParseOptions(newlines_in_values=True,
                                              invalid_row_handler=on_ragged),
            convert_options=pa_csv.ConvertOptions(
                column_types={name: pa.string() for name in header}, null_values=[],
                strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
    except (pa.ArrowException, ValueError) as exc:
        reason = _arrow_reason(exc)
        if "Empty CSV file or block" in reason:
            check.whole('could not be read as CSV: a quote (") is opened and never closed, '
                        "so the rows cannot be told apart")
        else:
            check.whole(f"could not be read as CSV ({reason})")
        return None
    if n_ragged:
        found = ", ".join(str(c) for c in dict.fromkeys(ragged_counts))
        check.problems.append(Problem(
            check.file, tuple(ragged_rows), None,
            f"expected {len(header)} value{'s' if len(header) != 1 else ''} per row, as in "
            f"the header; found {found} "
            "(a missing or extra comma, or an unclosed quote)", n_ragged))
        return None
    return _unique_columns(table.to_pandas(), check)


def _arrow_reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]


def _parquet_damage(data: bytes) -> str | None:
    """Why `data` cannot be a whole Parquet file, from its frame alone: the PAR1 marker at both
    ends and a footer that fits in the file (pyarrow reads only the footer, so a file whose
    first bytes are overwritten would otherwise load)."""
    if len(data) < 12:
        return "it is too short to be a Parquet file"
    if data[:4] != PARQUET_MAGIC:
        return "it does not start with the Parquet marker PAR1"
    if data[-4:] != PARQUET_MAGIC:
        return "it does not end with the Parquet marker PAR1 (it may be cut short)"
    footer = int.from_bytes(data[-8:-4], "little")
    if footer <= 0 or footer > len(data) - 12:
        return "its footer (the description of its columns) does not fit in the file"
    return None


def _read_parquet(data: bytes, check: _Checker) -> pd.DataFrame | None:
    damage = _parquet_damage(data)
    if damage is not None:
        check.whole("could not be read as Parquet: the file is damaged or is not a Parquet "
                    f"file ({damage}); export it again")
        return None
    try:
        table = pq.read_table(pa.BufferReader(data))
        # Full validation catches damage a read lets through (e.g. text that is not UTF-8).
        table.validate(full=True)
        frame = table.to_pandas()
        frame.columns = [str(c) for c in frame.columns]
    except Exception as exc:  # pyarrow raises many kinds for a damaged file
        check.whole("could not be read as Parquet: the file is damaged or is not a Parquet "
                    f"file ({_arrow_reason(exc)})")
        return None
    return _unique_columns(frame.reset_index(drop=True), check)


def _unique_columns(frame: pd.DataFrame, check: _Checker) -> pd.DataFrame | None:
    names = pd.Index([str(c) for c in frame.columns])
    dupes = names[names.duplicated()].unique()
    for name in dupes:
        check.whole("this column name appears more than once in the header; "
                    "rename or remove the copies", column=name)
    if len(dupes):
        return None
    frame.columns = names
    return frame


def _read_table(file: _TableFile, check: _Checker) -> pd.DataFrame | None:
    if file.frame is not None:
        return _unique_columns(file.frame.reset_index(drop=True), check)
    if file.name.lower().endswith(".parquet"):
        return _read_parquet(file.data, check)
    return _read_csv(file.data, check)


# --- column normalisation ------------------------------------------------------------------
def _all_empty(s: pd.Series) -> bool:
    return bool(s.isna().all())


# pandas' names for the kinds of values in a column, in plain words.
_KIND_WORDS = {
    "floating": "decimal numbers", "mixed-integer-float": "decimal numbers",
    "boolean": "true/false values", "datetime64": "timestamps", "datetime": "timestamps",
    "date": "dates", "timedelta": "durations", "timedelta64": "durations",
    "bytes": "binary data", "mixed": "lists or a mix of kinds of values",
    "mixed-integer": "a mix of numbers and other values",
}


def _plain(s: pd.Series) -> pd.Series:
    """A categorical column (as Parquet dictionaries may load) as its plain values."""
    if isinstance(s.dtype, pd.CategoricalDtype):
        return s.astype(s.cat.categories.dtype)
    return s


def _as_text(frame: pd.DataFrame, column: str, check: _Checker) -> pd.Series | None:
    """The column as text with '' for absent; None (and a problem) if it is not text."""
    s = _plain(frame[column])
    if _all_empty(s):
        return pd.Series("", index=frame.index, dtype="str")
    if pd.api.types.is_string_dtype(s.dtype) or s.dtype == object:
        kind = pd.api.types.infer_dtype(s, skipna=True)
        if kind in ("string", "empty"):
            return s.fillna("").astype("str")
        if kind != "integer":
            check.whole(f"expected text; found {_KIND_WORDS.get(kind, kind + ' values')}",
                        column=column)
            return None
    if pd.api.types.is_integer_dtype(s.dtype) or s.dtype == object:
        # Integer ids in a Parquet file are accepted and read as their decimal text.
        return s.astype("str").where(s.notna(), "").astype("str")
    kind = pd.api.types.infer_dtype(s, skipna=True)
    check.whole(f"expected text; found {_KIND_WORDS.get(kind, f'a column of {s.dtype}')}",
                column=column)
    return None


def _as_ts(frame: pd.DataFrame, check: _Checker) -> tuple[pd.Series, pd.Series | None] | None:
    """(timestamps in UTC, raw text for messages, None for a typed column), or None if the
    column has the wrong type."""
    s = _plain(frame["ts"])
    if isinstance(s.dtype, pd.DatetimeTZDtype):
        return s.dt.tz_convert("UTC").astype("datetime64[us, UTC]"), None
    if pd.api.types.is_datetime64_dtype(s.dtype):
        return s.dt.tz_localize("UTC").astype("datetime64[us, UTC]"), None
    text = _as_text(frame, "ts", check)
    if text is None:
        return None
    text = text.str.strip()
    try:
        ts = pd.to_datetime(text, format="ISO8601", utc=True, errors="coerce")
    except (ValueError, OverflowError, TypeError):
        # A value pandas cannot even coerce: fall back to element-wise coercion in bulk.
        ts = pd.to_datetime(text, format="mixed", utc=True, errors="coerce")
    return ts.astype("datetime64[us, UTC]"), text


BINARY = (bytes, bytearray, memoryview)


def _describe_cell(value: object) -> str:
    if isinstance(value, BINARY):
        n = memoryview(value).nbytes
        return f"binary data ({n:,} byte{'s' if n != 1 else ''})"
    return str(value)


def _text_cells(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(the cells as text, '' for absent and binary cells; mask of binary cells, as a Parquet
    binary column holds). astype("str") would decode the bytes and fail on a non-UTF-8 value."""
    if s.dtype != object:
        return s.astype("str").where(s.notna(), ""), pd.Series(False, index=s.index)
    binary = s.map(lambda v: isinstance(v, BINARY), na_action="ignore").fillna(False)
    binary = binary.astype(bool)
    return s.where(~binary).astype("str").where(s.notna() & ~binary, ""), binary


def _raw(s: pd.Series) -> pd.Series:
    """Cells as the analyst wrote them, for messages ('' for absent)."""
    if s.dtype == object:
        return s.map(_describe_cell, na_action="ignore").fillna("").astype("str")
    return s.astype("str").where(s.notna(), "")


def _as_number(frame: pd.DataFrame, column: str) -> tuple[pd.Series, pd.Series]:
    """(float values with NaN for empty, mask of cells that are not numbers)."""
    s = _plain(frame[column])
    if pd.api.types.is_bool_dtype(s.dtype):
        # Every cell is wrong: reported row by row with what was found.
        return pd.Series(np.nan, index=frame.index), s.notna()
    if pd.api.types.is_numeric_dtype(s.dtype):
        return s.astype("float64"), pd.Series(False, index=frame.index)
    text, not_text = _text_cells(s)
    text = text.str.strip()
    values = pd.to_numeric(text, errors="coerce").astype("float64")
    return values.where(~not_text), (values.isna() & text.ne("")) | not_text


def _as_bool(frame: pd.DataFrame, column: str) -> tuple[pd.Series, pd.Series]:
    """(booleans, mask of cells that are not true/false/1/0/yes/no)."""
    s = _plain(frame[column])
    if pd.api.types.is_bool_dtype(s.dtype):
        return s.fillna(False).astype(bool), s.isna()
    if pd.api.types.is_numeric_dtype(s.dtype):
        return s.eq(1).fillna(False).astype(bool), ~s.isin([0, 1])
    words = _text_cells(s)[0].str.strip().str.lower()
    is_true = words.isin(TRUE_WORDS)
    return is_true.astype(bool), ~(is_true | words.isin(FALSE_WORDS))


def _missing_columns(table: str, frame: pd.DataFrame, check: _Checker) -> set[str]:
    required = {**schema.REQUIRED_COLUMNS, "truth": TRUTH_COLUMNS}.get(table, ("user_id",))
    present = set(frame.columns)
    if len(frame.columns) == 1 and frame.columns[0] not in required:
        only = str(frame.columns[0])
        for sep, label in ((";", "semicolons"), ("\t", "tabs"), ("|", "vertical bars")):
            if sep in only:
                check.whole(f"the columns seem to be separated by {label}; expected commas "
                            "(in Excel: save as 'CSV UTF-8 (comma delimited)')")
                return set(required)
    by_key = {str(c).strip().lower(): c for c in frame.columns}
    missing = set()
    for col in required:
        if col in present:
            continue
        missing.add(col)
        near = by_key.get(col)
        if near is not None:
            check.whole(f'required column is missing; found "{near}": rename it to "{col}" '
                        "(column names are lower case, without spaces)", column=col)
        else:
            cols = ", ".join(json.dumps(str(c)[:40], ensure_ascii=False)
                             for c in list(frame.columns)[:12]) or "none"
            check.whole(f"required column is missing (the file's columns are: {cols})",
                        column=col)
    return missing


# --- table checks ----------------------------------------------------------------------------
def _require_ids(values: pd.Series, column: str, check: _Checker) -> None:
    check.rows(values.eq(""), column, f"expected {_a(column)} in every row", values)
    if _strictly_increasing(values):  # none repeats: no need to hash a million ids
        return
    dup = values.duplicated(keep=False) & values.ne("")
    check.rows(dup, column, f"expected each {column} to appear only once", values)


def _strictly_increasing(values: pd.Series) -> bool:
    """Whether Arrow-backed strings are all present and each greater than the one before
    (ids as the generator writes them: then none appears twice). A comparison of neighbours
    costs a sixtieth of `duplicated`'s hashing (5 against 317 ms for a block's 1.1M event ids);
    anything else (object columns, nulls, any order) says False and is hashed."""
    if len(values) < 2 or not isinstance(values.array, pd.arrays.ArrowStringArray):
        return False
    ids = pa.array(values.array)
    if isinstance(ids, pa.Array):
        ids = pa.chunked_array([ids])
    if ids.null_count:
        return False
    return bool(pa_compute.all(pa_compute.greater(ids[1:], ids[:-1])).as_py())


def _check_users(frame: pd.DataFrame, check: _Checker) -> pd.DataFrame | None:
    out = {}
    user_id = _as_text(frame, "user_id", check)
    if user_id is not None:
        out["user_id"] = user_id = user_id.str.strip()
        _require_ids(user_id, "user_id", check)
    # Messages quote cells as written (`raw`), before trimming and case folding.
    raw = _as_text(frame, "country", check)
    if raw is not None:
        out["country"] = country = raw.str.strip().str.upper()
        bad = ~country.isin(schema.ISO_COUNTRIES)
        hints = [f"for {name} use {code}" for k, (name, code) in COUNTRY_HINTS.items()
                 if (bad & country.eq(k)).any()]
        check.rows(bad, "country", f"expected {COUNTRY_EXPECTATION}"
                   + (f" ({'; '.join(hints)})" if hints else ""), raw)
    raw = _as_text(frame, "age_band", check)
    if raw is not None:
        out["age_band"] = age = raw.str.strip()
        check.rows(~age.isin(schema.AGE_BANDS), "age_band",
                   f"expected {_one_of(schema.AGE_BANDS)}", raw)
    uses, bad = _as_bool(frame, "uses_meta_ai")
    out["uses_meta_ai"] = uses
    check.rows(bad, "uses_meta_ai", "expected true or false (also accepted: 1/0, yes/no)",
               lambda: _raw(frame["uses_meta_ai"]))
    raw = _as_text(frame, "linked_apps", check)
    if raw is not None:
        # App names hold no spaces, so "facebook | instagram" is read as facebook|instagram.
        out["linked_apps"] = linked = raw.str.lower().str.replace(" ", "", regex=False)
        # Split in Arrow: pandas' str.split runs a Python call per person.
        lists = pa_compute.split_pattern(pa.array(linked).cast(pa.large_string()), pattern="|")
        known = pa_compute.is_in(pa_compute.list_flatten(lists),
                                 value_set=pa.array(schema.APPS, pa.large_string()))
        parents = pa_compute.list_parent_indices(lists).to_numpy()
        mask = np.zeros(len(linked), dtype=bool)
        mask[parents[~known.to_numpy(zero_copy_only=False)]] = True
        check.rows(mask & linked.ne("").to_numpy(dtype=bool), "linked_apps",
                   f"expected app names separated by | ({_one_of(schema.APPS)}), or empty",
                   raw)
    return _assemble(frame, out, schema.REQUIRED_COLUMNS["users"])


def _check_ads(frame: pd.DataFrame, check: _Checker) -> pd.DataFrame | None:
    out = {}
    ad_id = _as_text(frame, "ad_id", check)
    if ad_id is not None:
        out["ad_id"] = ad_id = ad_id.str.strip()
        _require_ids(ad_id, "ad_id", check)
    advertiser = _as_text(frame, "advertiser", check)
    if advertiser is not None:
        out["advertiser"] = advertiser
        check.rows(advertiser.str.strip().eq(""), "advertiser",
                   "expected the advertiser's name in every row", advertiser)
    raw = _as_text(frame, "topic", check)
    if raw is not None:
        out["topic"] = topic = raw.str.strip().str.lower()
        check.rows(~topic.isin(schema.ALL_TOPICS), "topic", f"expected {TOPIC_EXPECTATION}",
                   raw)
    title = _as_text(frame, "title", check)
    if title is not None:
        out["title"] = title
    return _assemble(frame, out, schema.REQUIRED_COLUMNS["ads"])


# Event columns _check_events strips (ids as written, categories lower-cased too).
STRIPPED_EVENT_COLUMNS = frozenset({"event_id", "user_id", "ad_id", "app", "event_type", "topic",
                                    "modality", "true_topic"})


def _check_events(frame: pd.DataFrame, check: _Checker) -> pd.DataFrame | None:
    out: dict[str, pd.Series] = {}
    text_cols = {}
    written: dict[str, pd.Series] = {}  # cells as written, for messages
    for col in ("event_id", "user_id", "app", "event_type", "topic", "text", "modality",
                "ad_id", *[c for c in OPTIONAL_EVENT_TEXT if c in frame.columns]):
        values = _as_text(frame, col, check)
        if values is None:
            continue
        written[col] = values
        if col in ("event_id", "user_id", "ad_id"):
            values = values.str.strip()
        elif col in STRIPPED_EVENT_COLUMNS:
            values = values.str.strip().str.lower()
        out[col] = text_cols[col] = values

    if "event_id" in out:
        _require_ids(out["event_id"], "event_id", check)
    if "user_id" in out:
        check.rows(out["user_id"].eq(""), "user_id", "expected a user_id in every row",
                   out["user_id"])
    parsed = _as_ts(frame, check)
    if parsed is not None:
        ts, raw = parsed
        out["ts"] = ts
        # In a typed (Parquet) column every missing value is simply empty.
        empty = raw.eq("") if raw is not None else ts.isna()
        check.rows(empty & ts.isna(), "ts", "expected a timestamp in every row", raw)
        check.rows(~empty & ts.isna(), "ts",
                   "expected an ISO 8601 timestamp such as 2025-12-16T09:30:00Z "
                   "(UTC is assumed when no zone is given)", raw)
        first, last = TS_RANGE
        start = pd.Timestamp(first, tz="UTC")
        end = pd.Timestamp(last, tz="UTC") + pd.Timedelta(days=1)
        outside = ts.notna() & ((ts < start) | (ts >= end))
        check.rows(outside, "ts",
                   f"expected a timestamp from {first:%Y-%m-%d} to {last:%Y-%m-%d} (UTC); "
                   "a date outside these years is a placeholder or a typing error",
                   raw if raw is not None else lambda: ts.map(
                       lambda t: t.isoformat(), na_action="ignore"))
    dwell, bad_dwell = _as_number(frame, "dwell_ms")
    out["dwell_ms"] = dwell

    def raw_dwell() -> pd.Series:
        return _raw(frame["dwell_ms"])
    check.rows(bad_dwell, "dwell_ms", "expected a number of milliseconds, or an empty cell",
               raw_dwell)
    check.rows(dwell.notna() & ~(np.isfinite(dwell) & dwell.ge(0)), "dwell_ms",
               "expected a number of milliseconds of 0 or more", raw_dwell)

    et = text_cols.get("event_type")
    if et is not None:
        check.rows(~et.isin(schema.EVENT_TYPES), "event_type",
                   f"expected {_one_of(schema.EVENT_TYPES)}", written["event_type"])
    app = text_cols.get("app")
    if app is not None:
        check.rows(app.ne("") & ~app.isin(schema.APPS), "app",
                   f"expected {_one_of(schema.APPS)}", written["app"])
    # A chat or conversation may be known to carry no ad topic (schema.NO_AD_TOPIC).
    event_topics = (*schema.ALL_TOPICS, schema.NO_AD_TOPIC)
    topic = text_cols.get("topic")
    if topic is not None:
        check.rows(topic.ne("") & ~topic.isin(event_topics), "topic",
                   f"expected {TOPIC_EXPECTATION}, {schema.NO_AD_TOPIC}, or an empty cell",
                   written["topic"])
    true_topic = text_cols.get("true_topic")
    if true_topic is not None:
        check.rows(true_topic.ne("") & ~true_topic.isin(event_topics), "true_topic",
                   f"expected {TOPIC_EXPECTATION}, {schema.NO_AD_TOPIC}, or an empty cell",
                   written["true_topic"])
    modality = text_cols.get("modality")
    if modality is not None:
        check.rows(modality.ne("") & ~modality.isin(schema.MODALITIES), "modality",
                   f"expected {_one_of(schema.MODALITIES)}, or an empty cell", written["modality"])
    if et is not None:
        _check_event_needs(et, text_cols, dwell, bad_dwell, check)
    return _assemble(frame, out, schema.REQUIRED_COLUMNS["events"])


def _check_event_needs(et: pd.Series, cols: dict[str, pd.Series], dwell: pd.Series,
                       bad_dwell: pd.Series, check: _Checker) -> None:
    """The per-event-type rules; one problem per event type and rule (a loop over types)."""
    # The id and category columns arrive stripped (_check_events); only the rest need it.
    blank = {name: (s if name in STRIPPED_EVENT_COLUMNS else s.str.strip()).eq("")
             for name, s in cols.items()}
    app = cols.get("app")
    for kind in schema.EVENT_TYPES:
        is_kind = et.eq(kind)
        if not is_kind.any():
            continue
        label = f"{_a(kind)} event"
        if app is not None and kind in schema.OFF_APP_EVENT_TYPES:
            check.rows(is_kind & ~blank["app"], "app",
                       f"expected an empty cell: {label} happens off Meta's apps", app)
        elif app is not None:
            check.rows(is_kind & blank["app"], "app",
                       f"{label} needs the app it happened in ({_one_of(schema.APPS)})", app)
        if kind in NEEDS_TOPIC and "topic" in blank:
            check.rows(is_kind & blank["topic"], "topic", f"{label} needs a topic",
                       cols["topic"])
        if kind in NEEDS_DWELL:
            check.rows(is_kind & dwell.isna() & ~bad_dwell, "dwell_ms",
                       f"{label} needs a dwell time in milliseconds")
        if kind in NEEDS_AD and "ad_id" in blank:
            check.rows(is_kind & blank["ad_id"], "ad_id", f"{label} needs the ad_id it showed",
                       cols["ad_id"])
        if kind in NEEDS_TEXT_OR_TOPIC and "topic" in blank and "text" in blank:
            check.rows(is_kind & blank["topic"] & blank["text"], "text",
                       f"{label} needs its text or a topic (both are empty)")
        if kind == "site_visit" and "text" in blank:
            no_advertiser = blank["text"]
            if "advertiser" in blank:
                no_advertiser = no_advertiser & blank["advertiser"]
            check.rows(is_kind & no_advertiser, "advertiser",
                       f"{label} needs the advertiser, in the text column or an "
                       "advertiser column (both are empty)")


def _check_interests(frame: pd.DataFrame, check: _Checker) -> pd.DataFrame | None:
    out: dict[str, pd.Series] = {}
    user_id = _as_text(frame, "user_id", check)
    if user_id is not None:
        out["user_id"] = user_id = user_id.str.strip()
        _require_ids(user_id, "user_id", check)
    for topic in (c for c in frame.columns if c in schema.ALL_TOPICS):
        values, bad = _as_number(frame, topic)
        check.rows(bad | values.isna() | ~values.between(0, 1), topic,
                   "expected an interest between 0 and 1", lambda t=topic: _raw(frame[t]))
        out[topic] = values
    return _assemble(frame, out, ("user_id",))


# The simulation's truth table: its allowed values, and whether a cell may be empty.
_TRUTH_VALUES: dict[str, tuple[tuple[str, ...], bool]] = {
    "event_type": (schema.EVENT_TYPES, False),
    "cause": (TRUTH_CAUSES, False),
    "true_topic": ((*schema.ALL_TOPICS, schema.NO_AD_TOPIC), False),
    "language": (schema.CHAT_LANGUAGES, True),
}


def _check_truth(frame: pd.DataFrame, check: _Checker) -> pd.DataFrame | None:
    out: dict[str, pd.Series] = {}
    for col in TRUTH_COLUMNS:
        values = _as_text(frame, col, check)
        if values is not None:
            out[col] = values.str.strip()
    if "event_id" in out:
        _require_ids(out["event_id"], "event_id", check)
    for col, (allowed, may_be_empty) in _TRUTH_VALUES.items():
        if col in out:
            bad = ~out[col].isin(allowed) & ~(out[col].eq("") & may_be_empty)
            check.rows(bad, col, f"expected {_one_of(allowed)}", out[col])
    return _assemble(frame, out, TRUTH_COLUMNS)


def _assemble(frame: pd.DataFrame, normalised: dict[str, pd.Series],
              required: tuple[str, ...]) -> pd.DataFrame | None:
    if any(col not in normalised for col in required):
        return None
    result = frame.copy()
    for col, values in normalised.items():
        result[col] = values
    return result


CHECKS = {"users": _check_users, "ads": _check_ads, "events": _check_events,
          "interests": _check_interests, "truth": _check_truth}


def _listed(values: pd.Series, listed: pd.Series) -> pd.Series:
    """Which values appear in `listed` (Arrow's hash lookup: pandas' isin walks a large list
    of strings in Python, minutes for a million users)."""
    def arrow(s: pd.Series) -> pa.Array:
        return pa.array(s.astype("str")).cast(pa.large_string())

    found = pa_compute.is_in(arrow(values), value_set=arrow(listed))
    return pd.Series(found.to_numpy(zero_copy_only=False), index=values.index)


def _check_references(frames: dict[str, pd.DataFrame], names: dict[str, str],
                      checks: dict[str, _Checker]) -> None:
    events = frames.get("events")
    if events is None:
        return
    check = checks["events"]
    users, ads = frames.get("users"), frames.get("ads")
    if users is not None:
        user_id = events["user_id"]
        check.rows(user_id.ne("") & ~_listed(user_id, users["user_id"]), "user_id",
                   f"expected a user_id listed in {names['users']}", user_id)
    if ads is not None:
        ad_id = events["ad_id"]
        check.rows(ad_id.ne("") & ~_listed(ad_id, ads["ad_id"]), "ad_id",
                   f"expected an ad_id listed in {names['ads']}", ad_id)
    interests = frames.get("interests")
    if interests is not None and users is not None:
        user_id = interests["user_id"]
        checks["interests"].rows(user_id.ne("") & ~_listed(user_id, users["user_id"]),
                                 "user_id", f"expected a user_id listed in {names['users']}",
                                 user_id)
    truth = frames.get("truth")
    if truth is not None:
        # Both columns looked up at once: the set of a block's million event ids is built once.
        both = pd.concat([truth["event_id"], truth["source_event_id"]], ignore_index=True)
        found = _listed(both, events["event_id"]).to_numpy()
        for i, col in enumerate(("event_id", "source_event_id")):
            ids = truth[col]
            listed = pd.Series(found[i * len(truth):(i + 1) * len(truth)], index=ids.index)
            checks["truth"].rows(ids.ne("") & ~listed, col,
                                 f"expected an event_id listed in {names['events']}", ids)


# --- the loader ------------------------------------------------------------------------------
def _table_of(name: str) -> str | None:
    path = PurePath(name)
    if path.suffix.lower() in FORMATS and path.stem.lower() in (
            *schema.TABLES, *schema.OPTIONAL_TABLES):
        return path.stem.lower()
    return None


def _expected_files() -> str:
    return ("expected users, ads and events (and optionally interests), each as "
            "NAME.csv or NAME.parquet")


def _too_large(name: str, size: int, max_bytes: int, advice: str) -> Problem:
    return Problem(name, (), None, f"is {_mb(size)}, too large: over the {_mb(max_bytes)} "
                   f"limit per file; {advice}")


def _pick_files(names: list[str], problems: list[Problem]) -> dict[str, str]:
    """Map table -> file name, reporting missing tables and tables given twice."""
    by_table: dict[str, list[str]] = {}
    for name in names:
        table = _table_of(name)
        if table is not None:
            by_table.setdefault(table, []).append(name)
    chosen = {}
    for table, found in by_table.items():
        if len(found) > 1:
            same = len(set(found)) == 1  # e.g. a file added again to the upload box
            problems.append(Problem(
                f"{found[0]} ({len(found)} files of this name)" if same
                else " and ".join(sorted(found)), (), None,
                f"the {table} table is given {len(found)} times; keep only one file"
                + (" (remove the earlier copy from the upload box)" if same else "")))
        else:
            chosen[table] = found[0]
    for table in schema.TABLES:
        if table not in by_table:
            problems.append(Problem(f"{table}.csv or {table}.parquet", (), None,
                                    f"the {table} table is missing: expected this file "
                                    "next to the other files"))
    return chosen


def _read_meta(name: str, data: bytes, problems: list[Problem]) -> dict | None:
    """A generated world's description (dataset.json); a problem when it is not a JSON
    object."""
    try:
        meta = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        meta = None
    if not isinstance(meta, dict):
        problems.append(Problem(name, (), None, "expected a JSON object describing the "
                                "generated world (or remove the file)"))
        return None
    return meta


def _validate(files: list[_TableFile], source: str, problems: list[Problem],
              meta: dict | None = None) -> Dataset:
    checks = {f.table: _Checker(f.name) for f in files}
    names = {f.table: f.name for f in files}
    frames: dict[str, pd.DataFrame] = {}
    for file in files:
        check = checks[file.table]
        try:
            frame = _read_table(file, check)
            if frame is None:
                continue
            missing = _missing_columns(file.table, frame, check)
            if len(frame) == 0 and not file.part:
                check.whole("has no data rows: expected at least one row under the header")
            if missing:
                continue
            checked = CHECKS[file.table](frame, check)
            if checked is not None:
                frames[file.table] = checked.reset_index(drop=True)
        except Exception as exc:  # an unforeseen input must still end as a problem
            check.whole(f"could not be checked ({type(exc).__name__}: {_arrow_reason(exc)})")
    try:
        _check_references(frames, names, checks)
    except Exception as exc:
        problems.append(Problem(names.get("events", "events"), (), None,
                                f"references could not be checked ({type(exc).__name__})"))
    for file in files:
        problems.extend(checks[file.table].problems)
    if problems:
        raise ContractError(problems)
    digest = hashlib.sha256()
    for file in sorted(files, key=lambda f: f.table):
        content = file.fingerprint()
        digest.update(f"{file.table}:{len(content)}:".encode())
        digest.update(content)
    if meta is not None:
        digest.update(json.dumps(meta, sort_keys=True, default=str).encode())
    return Dataset(users=frames["users"], ads=frames["ads"], events=frames["events"],
                   dataset_id=digest.hexdigest()[:12], source=source,
                   interests=frames.get("interests"), truth=frames.get("truth"), meta=meta)


def load_dataset(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Dataset:
    """Load and check a dataset folder; raise ContractError listing every problem."""
    folder = Path(path)
    shown = str(path)
    if not folder.exists():
        raise ContractError([Problem(shown, (), None, "no such folder")])
    if not folder.is_dir():
        raise ContractError([Problem(shown, (), None, "is a file; expected a folder holding "
                                     "users, ads and events as NAME.csv or NAME.parquet")])
    problems: list[Problem] = []
    try:
        entries = sorted(p.name for p in folder.iterdir() if p.is_file())
    except OSError as exc:
        raise ContractError([Problem(shown, (), None,
                                     f"could not be opened ({exc.strerror})")]) from exc
    chosen = _pick_files(entries, problems)
    files = []
    for table, name in chosen.items():
        size = (folder / name).stat().st_size
        if size > max_bytes:
            problems.append(_too_large(name, size, max_bytes, "split it or raise the limit"))
            continue
        try:
            files.append(_TableFile(table, name, (folder / name).read_bytes()))
        except OSError as exc:
            problems.append(Problem(name, (), None, f"could not be opened ({exc.strerror})"))
    files.sort(key=_table_order)
    meta = None
    if META_FILE in entries:
        try:
            meta = _read_meta(META_FILE, (folder / META_FILE).read_bytes(), problems)
        except OSError as exc:
            problems.append(Problem(META_FILE, (), None, f"could not be opened ({exc.strerror})"))
    if folder.resolve() == SAMPLE_DIR:
        source = "Bundled sample"
    else:
        source = f"Folder {folder.name or shown}: " + ", ".join(f.name for f in files)
    return _validate(files, source, problems, meta)


def load_uploaded(files: Mapping[str, bytes] | Sequence[tuple[str, bytes]], *,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> Dataset:
    """Load and check files uploaded together ({"users.csv": b"...", ...}, or (name, bytes)
    pairs, where two files of the same name are reported instead of one replacing the other).
    Values may be any bytes-like buffer (e.g. a memoryview)."""
    problems: list[Problem] = []
    pairs = list(files.items()) if isinstance(files, Mapping) else list(files)
    meta = None
    for name, blob in pairs:
        if PurePath(name).name == META_FILE:
            meta = _read_meta(name, bytes(blob), problems)
    pairs = [(name, blob) for name, blob in pairs if PurePath(name).name != META_FILE]
    names = [name for name, _ in pairs]
    for name in names:
        if _table_of(name) is None:
            problems.append(Problem(name, (), None, "is not one of the dataset's files: "
                                    + _expected_files()))
    chosen = _pick_files(names, problems)
    blobs = dict(pairs)  # the chosen names are unique: a name given twice is a problem above
    table_files = []
    for table, name in chosen.items():
        blob = blobs[name]
        # Measured before any copy: a buffer (memoryview) of an oversized upload is refused
        # without being duplicated.
        size = memoryview(blob).nbytes
        if size > max_bytes:
            problems.append(_too_large(name, size, max_bytes, "split it into smaller files"))
            continue
        table_files.append(_TableFile(table, PurePath(name).name, bytes(blob)))
    source = "Uploaded: " + ", ".join(f.name for f in sorted(table_files, key=_table_order))
    return _validate(sorted(table_files, key=_table_order), source, problems, meta)


def from_frames(frames: Mapping[str, pd.DataFrame], *, source: str = "In-memory tables",
                meta: dict | None = None) -> Dataset:
    """Check tables already in memory ({"users": frame, ...}, e.g. a generated population)
    against the same contract, without writing them out; rows are numbered as in the frames.
    `meta` describes a generated world (`adlens.simulate.population_meta`)."""
    problems: list[Problem] = []
    for name in frames:
        if name not in (*schema.TABLES, *schema.OPTIONAL_TABLES):
            problems.append(Problem(name, (), None, "is not one of the dataset's tables: "
                                    "expected users, ads, events (and optionally interests)"))
    for table in schema.TABLES:
        if table not in frames:
            problems.append(Problem(table, (), None, f"the {table} table is missing"))
    files = sorted((_TableFile(t, t, frame=f.copy(deep=False)) for t, f in frames.items()
                    if t in (*schema.TABLES, *schema.OPTIONAL_TABLES)), key=_table_order)
    return _validate(files, source, problems, meta)


def _table_order(file: _TableFile) -> int:
    return (*schema.TABLES, *schema.OPTIONAL_TABLES).index(file.table)


# --- summary and CLI -----------------------------------------------------------------------
def summarize(dataset: Dataset) -> dict:
    """Headline figures of a loaded dataset (plain Python values, JSON-ready)."""
    users, events = dataset.users, dataset.events
    by_type = events["event_type"].value_counts()
    countries = users["country"].value_counts()
    ts = events["ts"].dropna()
    return {
        "dataset_id": dataset.dataset_id,
        "source": dataset.source,
        "users": int(len(users)),
        "uses_meta_ai_share": float(users["uses_meta_ai"].mean()) if len(users) else 0.0,
        "ads": int(len(dataset.ads)),
        "events": int(len(events)),
        "events_by_type": {t: int(by_type.get(t, 0)) for t in schema.EVENT_TYPES},
        "first_event": ts.min().isoformat() if len(ts) else None,
        "last_event": ts.max().isoformat() if len(ts) else None,
        "n_countries": int(len(countries)),
        "countries": {str(c): int(n) for c, n in countries.head(10).items()},
        "has_interests": dataset.interests is not None,
    }


def summary_lines(summary: dict) -> list[str]:
    """The summary in a few plain lines (CLI and logs)."""
    by_type = ", ".join(f"{t} {n:,}" for t, n in summary["events_by_type"].items() if n)
    first = (summary["first_event"] or "")[:10]
    last = (summary["last_event"] or "")[:10]
    countries = ", ".join(f"{c} {n:,}" for c, n in summary["countries"].items())
    more = summary["n_countries"] - len(summary["countries"])
    return [
        f"Valid dataset ({summary['source']}; id {summary['dataset_id']})",
        f"  users:     {summary['users']:,} ({summary['uses_meta_ai_share']:.0%} use Meta AI)",
        f"  ads:       {summary['ads']:,}",
        f"  events:    {summary['events']:,} from {first} to {last}",
        f"  by type:   {by_type}",
        f"  countries: {countries}" + (f" and {more} more" if more > 0 else ""),
    ]


def add_limit_argument(parser: argparse.ArgumentParser) -> None:
    """--max-mb, the file size limit every command that reads a dataset takes."""
    parser.add_argument("--max-mb", type=float, default=DEFAULT_MAX_BYTES / 1024**2,
                        metavar="MB", help="largest file accepted, in MB; 0 for no limit "
                        f"(default: {DEFAULT_MAX_BYTES // 1024**2})")


def max_bytes_of(max_mb: float | None) -> int:
    """The byte limit of a --max-mb value: 0 (or None) means no limit."""
    if max_mb is None or max_mb == 0:
        return sys.maxsize
    if max_mb < 0:
        raise ValueError("--max-mb cannot be negative (0 means no limit).")
    return int(max_mb * 1024**2)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="folder with users, ads and events (.csv or .parquet)")
    add_limit_argument(parser)


def run(args: argparse.Namespace) -> int:
    try:
        dataset = load_dataset(args.path, max_bytes=max_bytes_of(args.max_mb))
        lines = summary_lines(summarize(dataset))
    except ContractError as exc:
        n = len(exc.problems)
        print(f"{args.path}: {n} problem{'s' if n != 1 else ''} with the data contract. "
              + ROW_NOTE, file=sys.stderr)
        for problem in exc.problems:
            print(f"- {problem}", file=sys.stderr)
        return 1
    except Exception as exc:  # never a traceback on the command line
        print(f"{args.path}: could not be validated ({type(exc).__name__}: "
              f"{_arrow_reason(exc)})", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0
