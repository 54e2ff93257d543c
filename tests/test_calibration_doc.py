"""docs/CALIBRATION.md's impression-thinning table is the stored study printed by
`python -m components.method_calibration`, never figures typed by hand."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from adlens import thinning
from components import method_calibration as mc

DOC = Path(__file__).resolve().parents[1] / "docs" / "CALIBRATION.md"
BEGIN = "<!-- thinning table: python -m components.method_calibration -->"
END = "<!-- end of thinning table -->"


def test_the_documents_thinning_table_is_the_stored_study() -> None:
    text = DOC.read_text()
    assert BEGIN in text and END in text, "the table's marks are missing from CALIBRATION.md"
    in_doc = text.split(BEGIN, 1)[1].split(END, 1)[0].strip()
    assert in_doc == mc.stored_markdown().strip(), (
        "CALIBRATION.md's thinning table differs from adlens/thinning_sensitivity.json: run "
        "`python -m components.method_calibration --write`")


def test_write_puts_the_stored_table_between_the_marks(tmp_path: Path) -> None:
    doc = tmp_path / "CALIBRATION.md"
    doc.write_text(f"# Title\n\nbefore\n{BEGIN}\n| stale | table |\n{END}\nafter\n")
    assert mc.write_doc_table(doc) is True
    text = doc.read_text()
    assert text.startswith("# Title\n\nbefore\n") and text.endswith(f"{END}\nafter\n")
    assert "stale" not in text
    assert text.split(BEGIN, 1)[1].split(END, 1)[0].strip() == mc.stored_markdown().strip()
    assert mc.write_doc_table(doc) is False  # already current: the file is left as it is


def test_write_refuses_a_document_without_its_marks(tmp_path: Path) -> None:
    doc = tmp_path / "CALIBRATION.md"
    doc.write_text("no marks here\n")
    with pytest.raises(ValueError, match="marks"):
        mc.write_doc_table(doc)
    assert doc.read_text() == "no marks here\n"


def test_the_table_carries_every_stored_figure() -> None:
    # Each stored value, interval end and denominator appears in its headline's row, so the
    # printed table cannot drop or round away what the study measured.
    study = json.loads(thinning.SENSITIVITY_PATH.read_text())
    rows = pd.DataFrame(study["rows"], columns=list(thinning.COLUMNS)).astype(
        {c: float for c in ("value", "ci_low", "ci_high")})
    table = mc.markdown_table(rows, int(study["sample_factor"]))
    lines = table.splitlines()
    assert len(lines) == 2 + len(thinning.HEADLINES)
    assert f"1 in {study['sample_factor']} (the sample)" in lines[0]
    for line, (headline, (name, _)) in zip(lines[2:], thinning.HEADLINES.items(), strict=True):
        assert line.startswith(f"| {name} (")
        cells = [c.strip() for c in line.strip("|").split("|")][1:]
        part = rows[rows["headline"] == headline].sort_values("factor", ascending=False)
        assert len(cells) == len(part)
        for cell, row in zip(cells, part.itertuples(index=False), strict=True):
            assert row.denominator in cell
            first = float(re.match(r"[+-]?[\d.]+", cell).group())
            scale = 100 if thinning.HEADLINES[headline][1] == "share" else 1
            assert abs(first - row.value * scale) <= 0.0051
            if row.verdict:
                assert cell.endswith(row.verdict)


def test_a_changed_study_changes_the_table() -> None:
    # The table follows the data: a moved value is a different table (so a stale document
    # fails the test above).
    study = json.loads(thinning.SENSITIVITY_PATH.read_text())
    rows = pd.DataFrame(study["rows"], columns=list(thinning.COLUMNS)).astype(
        {c: float for c in ("value", "ci_low", "ci_high")})
    moved = rows.copy()
    moved.loc[0, "value"] += 1.0
    assert mc.markdown_table(moved, 100) != mc.markdown_table(rows, 100)


def test_a_value_that_rounds_to_zero_reads_plus_zero() -> None:
    assert mc._signed(-6.9e-17, 2) == "+0.00"
    assert mc._signed(-0.004, 3) == "-0.004"
