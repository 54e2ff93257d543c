"""The Method page's chat-understanding component: the per-language table in plain words and the
trade-off chart, drawn from a text report."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from adlens import engine
from adlens import text_model as tm
from components import method_text
from components.fmt import pct


def _report(with_rows: bool = True) -> tm.TextReport:
    rows = pd.DataFrame({
        "set": [tm.SET_GENERATED, tm.SET_HANDWRITTEN, tm.SET_HANDWRITTEN],
        "language": ["all", "all", "hi-en"], "messages": [10, 8, 3],
        "everyday_accuracy": [0.9, 0.8, 0.7], "sensitive_caught": [1.0, 0.95, 1.0],
        "leakage": [0.0, 0.02, 0.0], "everyday_held_back": [0.01, 0.05, 0.0],
        "no_topic_accuracy": [1.0, 0.9, np.nan], "hard_negative_accuracy": [np.nan, 0.7, 0.5],
        "hard_negative_held_back": [np.nan, 0.2, 0.0], "topic_accuracy": [0.9, 0.8, 0.7],
    })
    curve = pd.DataFrame({"threshold": [0.1, 0.5, 0.9], "leakage": [0.0, 0.1, 0.4],
                          "held_back": [0.3, 0.05, 0.0], "caught": [1.0, 0.9, 0.6]})
    return tm.TextReport(per_topic=pd.DataFrame(), accuracy=0.9, leakage={}, false_hold={},
                         by_language=rows if with_rows else None, threshold=0.5,
                         tradeoff=curve if with_rows else None)


def test_language_table_speaks_plain_words() -> None:
    table = method_text.language_table(_report())
    assert list(table.columns) == list(method_text.COLUMNS.values())
    assert list(table["Language"]) == ["All languages", "All languages", "Hindi-English"]
    assert table["Messages from"].iloc[1] == method_text.SET_NAMES[tm.SET_HANDWRITTEN]
    assert table["Everyday chats held back"].tolist() == [0.01, 0.05, 0.0]
    assert method_text.language_table(_report(with_rows=False)).empty


def _page(with_rows: bool, threshold: float | None) -> None:
    import numpy as np  # noqa: F401 — AppTest runs this function's source on its own
    import pandas as pd  # noqa: F401

    from adlens import text_model as tm  # noqa: F401
    from components import method_text
    from tests.test_method_text import _report

    method_text.text_model_section(_report(with_rows), threshold)


def test_section_draws_the_table_and_the_tradeoff_at_the_threshold_in_force() -> None:
    at = AppTest.from_function(_page, kwargs={"with_rows": True, "threshold": 0.3},
                               default_timeout=60).run()
    assert not at.exception
    # A tab per set (hand-written before generated), then the public corpora and health
    # questions.
    assert [t.label for t in at.tabs] == ["Hand-written", "Generated"]
    assert len(at.dataframe) == 4
    assert list(at.dataframe[0].value.columns) == ["Measure", "All languages", "Hindi-English"]
    spec = at.get("plotly_chart")[0].proto.spec
    assert "Sensitive chats used" in spec and "Everyday chats held back" in spec
    assert "now 0.30" in spec and "chosen 0.50" in spec


def test_section_says_so_when_there_is_nothing_to_measure() -> None:
    at = AppTest.from_function(_page, kwargs={"with_rows": False, "threshold": None},
                               default_timeout=60).run()
    assert not at.exception
    assert any("No labelled messages" in info.value for info in at.info)
    assert not at.get("plotly_chart")


def test_public_corpus_figures_belong_to_the_current_model_and_are_shares() -> None:
    # A new model version must be measured again (`python -m bench.public_intents`).
    assert method_text.PUBLIC_MEASURED_VERSION == tm.MODEL_VERSION
    table = method_text.public_corpora_table()
    assert list(table["Corpus"].str.split().str[0]) == ["CLINC150", "SNIPS"]
    shares = table.drop(columns=["Corpus", "Requests"]).stack().dropna()
    assert shares.between(0, 1).all()
    # Read-right shares are never nought (a held-back share can be: v15 holds back none of
    # SNIPS's no-ad-topic requests).
    assert (table[["Ad topic read right", "No-ad-topic requests recognised"]] > 0.5).all().all()
    assert (table["Requests"] > 0).all()


def test_public_held_back_on_all_requests_lies_between_its_two_parts() -> None:
    # All requests are those with an ad topic plus those with none, so the share held back of
    # all of them is a weighted mean of the two parts' shares: a figure copied wrongly fails.
    for row in method_text.PUBLIC_CORPORA:
        parts = (row["Held back, requests with an ad topic"],
                 row["Held back, no-ad-topic requests"])
        assert min(parts) <= row["Held back as sensitive, all requests"] <= max(parts), row


def test_section_shows_the_public_corpus_figures() -> None:
    at = AppTest.from_function(_page, kwargs={"with_rows": True, "threshold": None},
                               default_timeout=60).run()
    assert not at.exception
    assert len(at.dataframe) == 4  # two sets, then the corpora, then the health questions
    assert list(at.dataframe[2].value.columns[1:]) == [
        row["Corpus"] for row in method_text.PUBLIC_CORPORA]
    assert list(at.dataframe[3].value.columns[1:]) == [
        row["Corpus"] for row in method_text.PUBLIC_HEALTH]
    assert any("not held by the project" in md.value for md in at.markdown)
    assert any("public health questions" in md.value for md in at.markdown)


def test_public_health_intervals_are_the_exact_ones_of_the_stored_counts() -> None:
    # Measured with `python -m bench.public_intents` for PUBLIC_MEASURED_VERSION (checked
    # above); a count or an interval copied wrongly fails here.
    from scipy import stats

    for row in method_text.PUBLIC_HEALTH:
        assert 0 < row["Caught"] <= row["Questions"], row
        ci = stats.binomtest(row["Caught"], row["Questions"]).proportion_ci(0.95, "exact")
        assert (row["Interval low"], row["Interval high"]) == (round(ci.low, 3),
                                                               round(ci.high, 3)), row
    *parts, pooled = method_text.PUBLIC_HEALTH
    assert pooled["Corpus"].startswith("All")
    # Each question once: no more than the sets together, and no fewer than the largest.
    assert max(r["Questions"] for r in parts) < pooled["Questions"] <= sum(
        r["Questions"] for r in parts)


def test_public_health_view_writes_the_share_and_its_interval() -> None:
    view = method_text.public_health_view().set_index("Measure")
    assert list(view.columns) == [row["Corpus"] for row in method_text.PUBLIC_HEALTH]
    pooled = method_text.PUBLIC_HEALTH[-1]
    column = view[pooled["Corpus"]]
    assert column["Questions"] == f"{pooled['Questions']:,}"
    # 399 of 420 is the 95% target itself: written to two decimals, as a share near its target
    # is everywhere on the page.
    assert column["Held back as sensitive (caught)"] == "95.00%"
    first = method_text.PUBLIC_HEALTH[0]
    assert view.loc["Held back as sensitive (caught)", first["Corpus"]] == pct(
        first["Caught"] / first["Questions"])
    assert column["95% interval"] == (f"{pct(pooled['Interval low'])} to "
                                      f"{pct(pooled['Interval high'])}")


def _sealed_report(sensitive_caught: float) -> tm.TextReport:
    langs = ["all", "en", "es", "pt", "hi-en"]
    sealed = pd.DataFrame({
        "set": tm.SET_SEALED, "language": langs, "messages": [20, 8, 4, 4, 4],
        "everyday_accuracy": [0.86, 0.9, 0.75, 0.85, 0.9],
        "sensitive_caught": sensitive_caught, "leakage": 0.0,
        "everyday_held_back": [0.06, 0.05, 0.1, 0.05, 0.05], "no_topic_accuracy": 0.9,
        "hard_negative_accuracy": 0.7, "hard_negative_held_back": 0.3, "topic_accuracy": 0.85,
    })
    base = _report()
    return tm.TextReport(per_topic=base.per_topic, accuracy=base.accuracy, leakage={},
                         false_hold={}, by_language=pd.concat([base.by_language, sealed]),
                         threshold=base.threshold, tradeoff=base.tradeoff)


def test_sealed_set_rows_are_labelled_as_read_once_and_never_used_to_tune() -> None:
    table = method_text.language_table(_sealed_report(0.96))
    sealed = table[table["Messages from"] == method_text.SET_NAMES[tm.SET_SEALED]]
    assert len(sealed) == 5
    assert "never used to tune" in sealed["Messages from"].iloc[0]
    assert sealed["Messages from"].iloc[0].startswith("First sealed test set")


def test_language_views_put_the_sealed_set_first_with_measures_down_and_languages_across(
        ) -> None:
    views = method_text.language_views(_sealed_report(0.96))
    assert [name for name, _, _ in views] == ["Sealed set 1", "Hand-written", "Generated"]
    name, about, sealed = views[0]
    assert about == method_text.SET_NAMES[tm.SET_SEALED] and "never used to tune" in about
    assert list(sealed["Measure"]) == list(method_text.MEASURES.values())
    assert sealed.columns[1] == "All languages" and len(sealed.columns) == 6
    by_measure = views[1][2].set_index("Measure")
    # The hand-written set's Hindi-English row: 3 messages, 70% read right, no no-topic chats.
    assert by_measure.loc["Messages", "Hindi-English"] == "3"
    assert by_measure.loc["Everyday topic read right", "Hindi-English"] == "70.0%"
    assert by_measure.loc["No-ad-topic chats recognised", "Hindi-English"] == "—"
    assert method_text.language_views(_report(with_rows=False)) == []


def test_public_corpora_view_has_every_figure_written_out() -> None:
    view = method_text.public_corpora_view().set_index("Measure")
    table = method_text.public_corpora_table()
    assert list(view.columns) == list(table["Corpus"])
    first = table.iloc[0]
    assert view.loc["Requests", first["Corpus"]] == f"{first['Requests']:,}"
    # CLINC150's topic share sits two requests under the issue's 0.85 (1,885 of 2,220, 0.8491):
    # to one decimal it does not read as the target itself ("84.9%"); one request closer
    # (0.8495) it would, and is written to two decimals.
    assert view.loc["Ad topic read right", first["Corpus"]] == "84.9%"
    assert method_text._share_beside(1886 / 2220, 0.85) == "84.95%"
    second = table.iloc[1]
    assert view.loc["Ad topic read right", second["Corpus"]] == pct(second["Ad topic read right"])
    assert view.loc["No-ad-topic requests recognised", first["Corpus"]] == pct(
        first["No-ad-topic requests recognised"])
    assert "—" in set(view.iloc[:, 1])  # SNIPS has no out-of-scope requests


def _verdicts(column: pd.Series) -> list[str]:
    return [cell.rsplit(": ", 1)[1] for cell in column]


def test_sealed_targets_table_says_which_targets_are_met() -> None:
    targets = method_text.sealed_targets_table(_sealed_report(0.96)).set_index("Measure")
    # accuracy 86% >= 85%; caught 96% >= 95%; held back 6% > 5%; Spanish 15 points below English.
    assert list(targets.columns) == ["Target", "Set 1"]
    assert _verdicts(targets["Set 1"]) == ["met", "met", "missed", "missed"]
    assert targets["Set 1"].iloc[2] == "6.0%: missed"
    assert targets["Set 1"].iloc[3] == "15.0: missed"
    assert list(targets["Target"]) == ["≥ 85%", "≥ 95%", "≤ 5%", "≤ 10"]
    assert targets.index[3] == "Gap to English (points)"
    missed = method_text.sealed_targets_table(_sealed_report(0.94))
    assert _verdicts(missed["Set 1"]) == ["met", "missed", "missed", "missed"]
    # A share just under its target is written so it does not read as the target.
    close = method_text.sealed_targets_table(_sealed_report(113 / 119))
    assert close["Set 1"].iloc[1] == "94.96%: missed"
    assert method_text.sealed_targets_table(_report()).empty


def test_the_sealed_set_tab_writes_a_share_near_its_target_as_the_targets_table_does() -> None:
    name, _, view = method_text.language_views(_sealed_report(113 / 119))[0]
    assert name == method_text.SET_TABS[next(iter(method_text.TARGET_SETS))] == "Sealed set 1"
    caught = view.set_index("Measure").loc["Sensitive chats held back", "All languages"]
    assert caught == "94.96%"
    # Away from a target, and on measures without one, one decimal as everywhere else.
    other = method_text.language_views(_sealed_report(0.96))[0][2].set_index("Measure")
    assert other.loc["Sensitive chats held back", "All languages"] == "96.0%"
    assert other.loc["Messages", "All languages"].isdigit()


def test_targets_table_shows_the_second_sealed_set_beside_the_first() -> None:
    first = _sealed_report(0.96)
    second = first.by_language[first.by_language["set"] == tm.SET_SEALED].assign(
        set=engine.SET_SEALED_V2, sensitive_caught=0.94, everyday_held_back=0.02)
    both = replace(first, by_language=pd.concat([first.by_language, second]))
    targets = method_text.sealed_targets_table(both).set_index("Measure")
    assert list(targets.columns) == ["Target", "Set 1", "Set 2"]
    assert _verdicts(targets["Set 1"]) == ["met", "met", "missed", "missed"]
    assert _verdicts(targets["Set 2"]) == ["met", "missed", "met", "missed"]
    assert targets["Set 2"].iloc[2] == "2.0%: met"
    # The second set alone (the first missing): its own column and the target.
    alone = replace(first, by_language=pd.concat([first.by_language[
        first.by_language["set"] != tm.SET_SEALED], second]))
    assert list(method_text.sealed_targets_table(alone).columns) == [
        "Measure", "Target", "Set 2"]
    views = method_text.language_views(both)
    assert [name for name, _, _ in views][:2] == ["Sealed set 1", "Sealed set 2"]


def test_targets_table_shows_the_third_sealed_set_beside_the_other_two() -> None:
    first = _sealed_report(0.96)
    rows = first.by_language[first.by_language["set"] == tm.SET_SEALED]
    second = rows.assign(set=engine.SET_SEALED_V2, sensitive_caught=0.94)
    third = rows.assign(set=engine.SET_SEALED_V3, everyday_accuracy=0.8,
                        everyday_held_back=0.04)
    three = replace(first, by_language=pd.concat([first.by_language, third, second]))
    targets = method_text.sealed_targets_table(three).set_index("Measure")
    # One column per set, in the sets' order whatever the report's order.
    assert list(targets.columns) == ["Target", "Set 1", "Set 2",
                                     "Set 3"]
    # accuracy 80% < 85% in every language (so no gap); caught 96%; held back 4% <= 5%.
    assert _verdicts(targets["Set 3"]) == ["missed", "met", "met", "met"]
    assert targets["Set 3"].iloc[0] == "80.0%: missed"
    views = method_text.language_views(three)
    assert [name for name, _, _ in views][:4] == ["Sealed set 1", "Sealed set 2",
                                                  "Sealed set 3", "Hand-written"]
    assert "only read to report" in views[2][1]


# A later sealed set after the one before it, whatever the report's order: (the one before,
# its column, its tab; the later set, its column, its tab, its figures, its verdicts, one of its
# cells (measure, text), the words its description has).
LATER_SETS = [
    # accuracy 86% in every language (no gap); caught 90.5% < 95%; held back 2% <= 5%.
    (engine.SET_SEALED_V3, "Set 3", "Sealed set 3", engine.SET_SEALED_V4, "Set 4",
     "Sealed set 4", {"sensitive_caught": 0.905, "everyday_accuracy": 0.86,
                           "everyday_held_back": 0.02},
     ["met", "missed", "met", "met"], ("Sensitive chats held back", "90.5%: missed"),
     "written after the third was read"),
    # accuracy 89.6% in every language (no gap); caught 94.5% < 95%; held back 2.4% <= 5%.
    (engine.SET_SEALED_V4, "Set 4", "Sealed set 4", engine.SET_SEALED_V5, "Set 5",
     "Sealed set 5", {"sensitive_caught": 312 / 330, "everyday_accuracy": 0.896,
                          "everyday_held_back": 0.024},
     ["met", "missed", "met", "met"], ("Sensitive chats held back", "94.5%: missed"),
     "written after the fourth was read"),
    # accuracy 83.6% < 85% in every language (no gap); caught 95.8%; held back 5.4% > 5%.
    (engine.SET_SEALED_V5, "Set 5", "Sealed set 5", engine.SET_SEALED_V6, "Set 6",
     "Sealed set 6", {"sensitive_caught": 316 / 330, "everyday_accuracy": 281 / 336,
                          "everyday_held_back": 18 / 336},
     ["missed", "met", "missed", "met"], ("Everyday chats held back", "5.4%: missed"),
     "written after the fifth was read"),
]


@pytest.mark.parametrize(("before", "before_column", "before_tab", "later", "column", "tab",
                          "figures", "verdicts", "cell", "words"), LATER_SETS,
                         ids=["fourth after third", "fifth after fourth", "sixth after fifth"])
def test_targets_table_shows_a_later_sealed_set_after_the_one_before(
        before, before_column, before_tab, later, column, tab, figures, verdicts, cell,
        words) -> None:
    first = _sealed_report(0.96)
    rows = first.by_language[first.by_language["set"] == tm.SET_SEALED]
    report = replace(first, by_language=pd.concat([
        rows.assign(set=later, **figures), first.by_language, rows.assign(set=before)]))
    targets = method_text.sealed_targets_table(report).set_index("Measure")
    assert list(targets.columns) == ["Target", "Set 1", before_column, column]
    assert _verdicts(targets[column]) == verdicts
    assert targets.loc[cell[0], column] == cell[1]
    views = method_text.language_views(report)
    assert [name for name, _, _ in views][:4] == ["Sealed set 1", before_tab, tab,
                                                  "Hand-written"]
    assert words in views[2][1]


def _sealed_page() -> None:
    from components import method_text
    from tests.test_method_text import _sealed_report

    method_text.text_model_section(_sealed_report(0.96), None)


def test_section_shows_the_targets_on_the_sealed_set() -> None:
    at = AppTest.from_function(_sealed_page, default_timeout=60).run()
    assert not at.exception
    assert at.tabs[0].label == "Sealed set 1"
    targets = next(t.value for t in at.dataframe if "Set 1" in t.value)
    assert _verdicts(targets["Set 1"]) == ["met", "met", "missed", "missed"]
    assert any("written apart from the model's text: read to report, never used to tune"
               in md.value
               for md in at.markdown)


def test_public_held_back_sentence_follows_the_figures(monkeypatch) -> None:
    sentence = method_text.held_back_sentence()
    assert "ad topic held back: CLINC150 3.7%: met, SNIPS 5.6%: missed;" in sentence
    assert "all requests together: CLINC150 6.1%: missed, SNIPS 4.7%: met." in sentence
    worse = tuple({**row, "Held back, requests with an ad topic": 0.061}
                  for row in method_text.PUBLIC_CORPORA)
    monkeypatch.setattr(method_text, "PUBLIC_CORPORA", worse)
    assert "CLINC150 6.1%: missed, SNIPS 6.1%: missed;" in method_text.held_back_sentence()


def test_public_caught_sentence_follows_the_figures(monkeypatch) -> None:
    sentence = method_text.caught_sentence()
    assert sentence.startswith("Against the 95% target, questions held back: LiveQA medical")
    assert "MEDIQA Alexa 94.2%: missed" in sentence
    # 399 of 420 is the target itself, which meets it.
    assert sentence.endswith("; all 420 together (each once) 95.00%: met.")
    *parts, pooled = method_text.PUBLIC_HEALTH
    monkeypatch.setattr(method_text, "PUBLIC_HEALTH", (*parts, {**pooled, "Caught": 398}))
    assert method_text.caught_sentence().endswith(
        "; all 420 together (each once) 94.8%: missed.")
