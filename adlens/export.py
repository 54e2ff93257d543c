"""Safe CSV export: every CSV the app offers for download goes through `to_safe_csv`.

Text cells that a spreadsheet would run as a formula are made inert; numbers stay numbers.
"""

from __future__ import annotations

import pandas as pd

# A leading =, +, -, @, tab or carriage return makes Excel, LibreOffice and Google Sheets treat
# a cell as a formula (CSV injection, OWASP); a leading single quote makes it plain text.
FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")


def _neutralise_text(values: pd.Series) -> pd.Series:
    """Prefix a quote to formula-like text cells; cells that are not text are left alone."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        values = values.astype(object)
    if values.dtype == object and pd.api.types.infer_dtype(values, skipna=True) == "string":
        values = values.astype("str")  # all text: take the vectorised path
    if pd.api.types.is_string_dtype(values.dtype) and values.dtype != object:
        risky = values.str.startswith(FORMULA_STARTS).fillna(False).astype(bool)
    elif values.dtype == object:
        # Mixed columns: only the str cells are text; numbers and other objects stay as they are.
        is_text = values.map(type, na_action="ignore").eq(str)
        text = values.where(is_text, "").astype("str")
        risky = is_text & text.str.startswith(FORMULA_STARTS)
    else:
        return values
    if not risky.any():
        return values
    out = values.astype(object).copy()
    out[risky] = "'" + values[risky].astype("str")
    return out


def _safe_name(name: object) -> object:
    return "'" + name if isinstance(name, str) and name.startswith(FORMULA_STARTS) else name


def to_safe_csv(df: pd.DataFrame) -> bytes:
    """The frame as UTF-8 CSV bytes (no index) with formula-like text cells made inert."""
    safe = pd.DataFrame({i: _neutralise_text(df.iloc[:, i]) for i in range(df.shape[1])},
                        index=df.index)
    safe.columns = [_safe_name(c) for c in df.columns]
    # CRLF line ends (RFC 4180) also make the writer quote any cell holding a bare CR.
    return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8")
