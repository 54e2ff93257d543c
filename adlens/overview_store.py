"""The Overview's figures for the bundled sample under the announced policy, stored at build
time (`python -m adlens.overview_store`, run by `make sample`) in `adlens/overview_sample.json`.

A fresh server draws the first Overview from them instead of ranking everyone, evaluating next
week's clicks and scoring 40,000 impressions first. They are used only when their key matches
exactly: the dataset, the scenario, the source of the modules that compute them and everything
the prepared work's artifacts are keyed by (producing modules, text model, libraries, Python).
"""

from __future__ import annotations

import dataclasses
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from adlens import artifacts, engine, rolling, trends
from adlens.dataset import Dataset
from adlens.scenario import Scenario

STORED_PATH = Path(__file__).resolve().parent / "overview_sample.json"
# Modules outside artifacts.PRODUCERS whose source decides these figures.
_MODULES = ("overview_store.py", "trends.py", "rolling.py", "quality.py")


@dataclass(frozen=True)
class OverviewFigures:
    """shares: engine signal shares for everyone (`ScenarioResult.signal_shares(None)`);
    report: `rolling.evaluate`; reach: `rolling.reach`; weekly: `trends.weekly_signal_share`."""

    shares: pd.DataFrame
    report: rolling.RollingReport
    reach: pd.DataFrame
    weekly: pd.DataFrame


def key(dataset_id: str, scenario: Scenario) -> dict:
    """What stored figures must have been computed with to be used."""
    return {**artifacts.expected_manifest(dataset_id),
            "overview_version": artifacts.source_version(_MODULES),
            "scenario": json.loads(scenario.to_json())}


def compute(prepared: engine.Prepared, dataset: Dataset, scenario: Scenario) -> OverviewFigures:
    return OverviewFigures(
        shares=engine.run_scenario(prepared, scenario).signal_shares(None),
        report=rolling.evaluate(prepared, scenario), reach=rolling.reach(prepared, scenario),
        weekly=trends.weekly_signal_share(prepared, scenario, dataset.users, dataset.events))


def _cell(value: object) -> object:
    if isinstance(value, (pd.Timestamp, np.datetime64)):
        return pd.Timestamp(value).isoformat()
    if isinstance(value, (float, np.floating)):
        return float(value) if np.isfinite(value) else None
    if isinstance(value, np.integer):
        return int(value)
    return value


def _encode(frame: pd.DataFrame) -> dict:
    # Columns as a list: the file's keys are sorted, their order is not the frame's.
    return {"columns": [str(c) for c in frame.columns],
            "dtypes": {str(c): str(t) for c, t in frame.dtypes.items()},
            "rows": [[_cell(v) for v in row] for row in frame.itertuples(index=False)]}


def _decode(data: dict) -> pd.DataFrame:
    frame = pd.DataFrame(data["rows"], columns=data["columns"])
    return frame.astype(data["dtypes"]) if data["columns"] else frame


def store(dataset: Dataset, scenario: Scenario | None = None,
          path: Path = STORED_PATH) -> dict:
    """Compute the figures for `dataset` under `scenario` (default: the announced policy) and
    write them with their key; returns what was written."""
    scenario = scenario or Scenario.announced()
    figures = compute(engine.prepare(dataset), dataset, scenario)
    data = {"key": key(dataset.dataset_id, scenario),
            "shares": _encode(figures.shares), "reach": _encode(figures.reach),
            "weekly": _encode(figures.weekly),
            "report": rolling._json_safe(figures.report.to_dict()),
            "report_summary": _encode(figures.report.summary)}
    Path(path).write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    return data


def stored(dataset_id: str, scenario: Scenario, path: Path = STORED_PATH
           ) -> OverviewFigures | None:
    """The stored figures when they were computed for exactly this dataset, scenario and code
    (see `key`), else None (missing, unreadable or stale: compute them)."""
    try:
        data = json.loads(Path(path).read_text())
        if not isinstance(data, dict) or data.get("key") != key(dataset_id, scenario):
            return None
        report = rolling.RollingReport.from_dict(data["report"])
        report = dataclasses.replace(report, summary=_decode(data["report_summary"]))
        return OverviewFigures(shares=_decode(data["shares"]), report=report,
                               reach=_decode(data["reach"]), weekly=_decode(data["weekly"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def main() -> int:
    """Store the bundled sample's Overview figures under the announced policy."""
    from adlens import contract  # noqa: PLC0415 — only the command line reads the sample here

    data = store(contract.load_dataset(contract.SAMPLE_DIR))
    print(f"stored {STORED_PATH.name} for dataset {data['key']['dataset_id']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
