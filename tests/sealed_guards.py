"""Checks shared by the sealed chat sets' tests: the product's model read on a set, its figures
held at the levels measured at the set's first read for that model (a guard, not a target:
docs/ARCHITECTURE.md gives each set's reads)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pytest

from adlens import schema
from adlens import text_model as tm

FIGURES = ["everyday_accuracy", "sensitive_caught", "everyday_held_back", "no_topic_accuracy",
           "hard_negative_held_back"]


@dataclass(frozen=True)
class Measured:
    """Message counts measured on a set: sensitive caught (Meta's list; all, English),
    look-alikes held back, and chats labelled "no ad topic" recognised; and, only where the
    issue's target for it was missed, everyday chats read right and everyday chats held back
    (None where the target was met: the target itself is then guarded)."""

    caught: int
    caught_english: int
    lookalikes_held_back: int
    no_topic_recognised: int
    everyday_read_right: int | None = None
    everyday_held_back: int | None = None


def language_report(model: tm.TextModel, labelled: tm.LabelledTexts) -> pd.DataFrame:
    return tm.language_report(model, labelled).set_index("language")


def assert_covers_every_language_and_kind(report: pd.DataFrame,
                                          labelled: tm.LabelledTexts) -> None:
    assert list(report.index) == ["all", *schema.CHAT_LANGUAGES]
    assert report.loc["all", "messages"] == len(labelled)
    assert np.isfinite(report[FIGURES].to_numpy(dtype=float)).all()


def assert_caught_at_least(report: pd.DataFrame, labelled: tm.LabelledTexts, least: int,
                           least_english: int, on_list_at_least: int) -> None:
    on_list = np.isin(labelled.topics, schema.SENSITIVE_META7)
    assert on_list.sum() >= on_list_at_least
    assert report.loc["all", "sensitive_caught"] >= least / on_list.sum() - 1e-9
    english = int((on_list & (labelled.languages == "en")).sum())
    assert report.loc["en", "sensitive_caught"] >= least_english / english - 1e-9


def assert_lookalikes_held_back_at_most(report: pd.DataFrame, labelled: tm.LabelledTexts,
                                        most: int) -> None:
    hard = int((labelled.kinds == "hard_negative").sum())
    assert report.loc["all", "hard_negative_held_back"] <= most / hard + 1e-9


def assert_everyday_read_right_at_least(report: pd.DataFrame, labelled: tm.LabelledTexts,
                                        least: int) -> None:
    everyday = int((labelled.kinds == "everyday").sum())
    assert report.loc["all", "everyday_accuracy"] >= least / everyday - 1e-9


def assert_everyday_held_back_at_most(report: pd.DataFrame, labelled: tm.LabelledTexts,
                                      most: int) -> None:
    everyday = int((labelled.kinds == "everyday").sum())
    assert report.loc["all", "everyday_held_back"] <= most / everyday + 1e-9


def assert_no_topic_recognised_at_least(report: pd.DataFrame, labelled: tm.LabelledTexts,
                                        least: int) -> None:
    no_topic = labelled.topics == schema.NO_AD_TOPIC
    assert report.loc["all", "no_topic_accuracy"] >= least / no_topic.sum() - 1e-9


class AtMeasuredLevels:
    """The product's model on a sealed set where it missed the sensitive-caught target or met it
    only just: the other three targets stay met where they were met (an everyday target missed
    is held at its measured level instead), and the rest stay at the levels measured at its
    read. A set's test module subclasses it (`class TestV15AtMeasuredLevels(AtMeasuredLevels)`),
    gives the fixture `model`, and sets `set_fixture` (the name of its fixture giving the set),
    `measured` and `on_list_at_least` (the fewest messages on Meta's list the set may have)."""

    set_fixture: str
    measured: Measured
    on_list_at_least: int

    @pytest.fixture(scope="class")
    @classmethod
    def labelled(cls, request) -> tm.LabelledTexts:
        return request.getfixturevalue(cls.set_fixture)

    @pytest.fixture(scope="class")
    @classmethod
    def report(cls, model, labelled) -> pd.DataFrame:
        return language_report(model, labelled)

    def test_report_covers_every_language_and_kind(self, report, labelled):
        assert_covers_every_language_and_kind(report, labelled)

    def test_the_non_english_gap_target_stays_met(self, report):
        assert tm.target_checks(report)["non_english_gap"]

    def test_everyday_read_right_stays_at_its_target_or_the_measured_level(self, report,
                                                                           labelled):
        # The 0.85 target where it was met; where it was missed, the measured level.
        if self.measured.everyday_read_right is None:
            assert tm.target_checks(report)["everyday_accuracy"]
        else:
            assert_everyday_read_right_at_least(report, labelled,
                                                self.measured.everyday_read_right)

    def test_everyday_held_back_stays_at_its_target_or_the_measured_level(self, report,
                                                                          labelled):
        # The 5% target where it was met; where it was missed, the measured level.
        if self.measured.everyday_held_back is None:
            assert tm.target_checks(report)["everyday_held_back"]
        else:
            assert_everyday_held_back_at_most(report, labelled, self.measured.everyday_held_back)

    def test_sensitive_messages_caught_stay_at_the_measured_level(self, report, labelled):
        # The 95% target is missed, or met only just: guarded at the measured level.
        assert_caught_at_least(report, labelled, self.measured.caught,
                               self.measured.caught_english, self.on_list_at_least)

    def test_lookalikes_held_back_stay_at_the_measured_level(self, report, labelled):
        # The goal is 5%, missed: guarded at the measured level.
        assert_lookalikes_held_back_at_most(report, labelled, self.measured.lookalikes_held_back)

    def test_no_ad_topic_recognised_stays_at_the_measured_level(self, report, labelled):
        # No target in the issue: guarded at the measured level.
        assert_no_topic_recognised_at_least(report, labelled, self.measured.no_topic_recognised)
