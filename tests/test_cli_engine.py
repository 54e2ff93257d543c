"""CLI tests: `recommend` JSON Lines and `audit` JSON on a small generated dataset; bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from adlens import schema
from adlens.simulate import generate_to_dir
from tests import helpers
from tests.helpers import run_command

ROOT = Path(__file__).resolve().parent.parent


data_dir = helpers.generated_folder(60, 5, "cli_data", described=False)


def test_recommend_prints_one_line_per_person_and_app(capsys, data_dir):
    code, out, _ = run_command(capsys, "recommend", "--data", str(data_dir), "--top", "3")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 60 * len(schema.AD_APPS)
    for line in lines:
        assert set(line) == {"user_id", "app", "weights_source", "ads"}
        assert line["weights_source"] in ("dataset", "bundled_sample")
        assert 1 <= len(line["ads"]) <= 3
        for ad in line["ads"]:
            assert set(ad["contributions"]) == set(schema.SIGNALS)
            total = ad["baseline"] + sum(ad["contributions"].values())
            assert abs(total - ad["score"]) <= 1e-9
            assert ad["topic"] not in schema.SENSITIVE_META7
        scores = [ad["score"] for ad in line["ads"]]
        assert scores == sorted(scores, reverse=True)


def test_recommend_filters_and_switches(capsys, data_dir):
    code, out, _ = run_command(capsys, "recommend", "--data", str(data_dir), "--user", "u000001",
                       "u000002", "--app", "instagram", "--ai-chat", "off", "--as-of",
                       "2026-01-10", "--excluded-regions", "none", "--sensitive", "gdpr9",
                       "--link-rule", "off")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert {(x["user_id"], x["app"]) for x in lines} == {("u000001", "instagram"),
                                                         ("u000002", "instagram")}
    ads = [ad for x in lines for ad in x["ads"]]
    assert all(ad["contributions"]["ai_chat"] == 0 for ad in ads)
    assert all(ad["topic"] not in schema.SENSITIVE_GDPR9 for ad in ads)


def test_audit_reports_exclusions_leakage_and_quality(capsys, data_dir):
    code, out, _ = run_command(capsys, "audit", "--data", str(data_dir), "--boot", "20",
                       "--excluded-regions", "EU,UK")
    assert code == 0
    report = json.loads(out)
    assert report["differences_from_announced_policy"] == [
        "South Korea not excluded (counterfactual)"]
    by_reason = report["exclusions"]["by_reason"]
    assert set(by_reason) <= {"region", "sensitive", "before_policy", "app_not_linked",
                              "ai_chat_off"}
    assert sum(by_reason.values()) == report["exclusions"]["total"] > 0
    leak = report["sensitive_leakage"]
    assert 0 <= leak["heldout"]["meta7"] <= 1 and leak["dataset_messages"] > 0
    static = report["static_interest_match"]["rows"]
    metrics = {(r["region"], r["metric"], r["variant"]) for r in static}
    assert ("All", "precision@k", "with AI chat") in metrics
    assert ("All", "auc", "difference") in metrics
    value = report["ai_chat_value"]
    rows = {(r["region"], r["metric"], r["variant"]): r for r in value["rows"]}
    for metric in ("precision@k", "recall@k", "auc"):
        row = rows[("All", metric, "difference")]
        # Every figure carries its denominators; eligible person-weeks are the weeks' total.
        assert row["n_person_weeks"] == sum(w["eligible_people"] for w in value["weeks"])
        assert row["n_eligible_people"] <= 60 and row["n_people"] <= row["n_eligible_people"]
    # Korea is no longer excluded: its chatters can be eligible, EU and UK ones never.
    assert not {r["region"] for r in value["rows"]} & {"EU", "UK"}
    reach = {r["population"]: r for r in value["reach"]}
    assert reach["everyone"]["people"] == 60 and reach["eligible"]["people"] <= 60
    assert value["feedback_free"] is None  # not the bundled sample, no --twin-seed


def test_audit_twin_needs_and_uses_the_dataset_description(capsys, data_dir, tmp_path):
    code, out, err = run_command(capsys, "audit", "--data", str(data_dir), "--boot", "0", "--twin")
    assert code == 2 and out == "" and "dataset.json" in err
    generate_to_dir(60, 5, tmp_path)
    code, out, _ = run_command(capsys, "audit", "--data", str(tmp_path), "--boot", "0", "--twin")
    assert code == 0
    twin = json.loads(out)["ai_chat_value"]["feedback_free"]
    assert "60 people, seed 5, chat_boost 0" in twin["source"]
    assert {r["metric"] for r in twin["rows"]} == {"precision@k", "recall@k", "auc"}


@pytest.mark.parametrize("argv, fragment", [
    (["--data", "/no/such/folder"], "could not be loaded"),
    (["--data", "{data}", "--user", "nobody"], "No person with user_id 'nobody'"),
    (["--data", "{data}", "--as-of", "31/01/2026"], "YYYY-MM-DD"),
    (["--data", "{data}", "--ai-chat", "maybe"], "on or off"),
    (["--data", "{data}", "--excluded-regions", "EU,FR"], "unknown region 'FR'"),
    (["--data", "{data}", "--top", "0"], "at least 1"),
    (["--data", "{data}", "--sensitive", "all"], "invalid choice"),
])
def test_bad_input_is_one_sentence_and_exit_2(capsys, data_dir, argv, fragment):
    argv = [a.replace("{data}", str(data_dir)) for a in argv]
    code, out, err = run_command(capsys, "recommend", *argv)
    assert code == 2 and out == ""
    assert fragment in err and "Traceback" not in err


def test_bad_input_through_the_real_entry_point(tmp_path):
    (tmp_path / "users.csv").write_text("user_id,country\nu1,US\n")
    proc = subprocess.run([sys.executable, "-m", "adlens", "audit", "--data", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.startswith("The dataset could not be loaded:")
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("command", [
    ["generate", "--users", "5", "--seed", "1", "--out", "{tmp}"],
    ["validate", "{tmp}"], ["audit", "--data", "{tmp}"], ["recall", "--data", "{tmp}"],
    ["blocks", "--data", "{tmp}"]])
@pytest.mark.parametrize("where, fragment", [
    (["--workers", "0"], "argument --workers: expected a whole number of at least 1, got '0'"),
    (["--workers", "2", "--scheduler", "tcp://x:1"], "not allowed with argument --workers")])
def test_every_command_with_workers_refuses_none_or_two_places(capsys, tmp_path, command,
                                                                 where, fragment):
    command = [a.replace("{tmp}", str(tmp_path)) for a in command]
    code, out, err = run_command(capsys, *command, *where)
    assert code == 2 and out == "" and fragment in err, err
    assert not any(tmp_path.iterdir())
