"""The microphone test: placebo construction, the statistic on hand-made worlds, and its
false-alarm rate and power on null and listening worlds built from a generated population."""

from __future__ import annotations

import numpy as np
import pytest

from adlens import mic_test as mt
from adlens.simulate import SimParams, generate_frames, with_listening

H = 3_600_000
DAY = 24 * H
N_TOPICS = 10
T_MIN, T_MAX = 0, 60 * DAY
# Null worlds in the suite: 40, flagging at most 6 (if the true rate were 5%, more than 6
# would happen 0.4% of the time; a rate of 15% would be caught nine times in ten).
N_NULL, MAX_FLAGGED = 40, 6


def _world(conv, imps, chats=()) -> mt.MicWorld:
    """conv / imps / chats: lists of (group, time ms)."""
    def split(rows):
        arr = np.array(list(rows), dtype=np.int64).reshape(-1, 2)
        return arr[:, 0], arr[:, 1]

    cg, ct = split(conv)
    ig, it = split(imps)
    hg, ht = split(chats)
    return mt.MicWorld(cg, ct, hg, ht, ig, it, N_TOPICS, T_MIN, T_MAX)


def _random_world(seed: int, n_people: int = 200, listen: float = 0.0) -> mt.MicWorld:
    rng = np.random.default_rng(seed)
    n_conv = n_people * 3
    cg = rng.integers(0, n_people, n_conv) * N_TOPICS + rng.integers(0, 3, n_conv)
    ct = rng.integers(T_MIN, T_MAX, n_conv)
    n_imp = n_people * 40
    ig = rng.integers(0, n_people, n_imp) * N_TOPICS + rng.integers(0, 3, n_imp)
    it = rng.integers(T_MIN, T_MAX, n_imp)
    hg = rng.integers(0, n_people, n_people) * N_TOPICS + rng.integers(0, 3, n_people)
    ht = rng.integers(T_MIN, T_MAX, n_people)
    world = mt.MicWorld(cg, ct, hg, ht, ig, it, N_TOPICS, T_MIN, T_MAX)
    return mt.add_listening(world, listen, rng) if listen else world


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_placebo_never_within_the_window_of_a_real_conversation(seed):
    world = _random_world(seed)
    settings = mt.MicSettings(window_hours=48, placebos=5)
    units = mt.placebo_times(world, settings, seed=seed)
    w = 48 * H
    plac = units[units["kind"] == "placebo"]
    conv = units[units["kind"] == "conversation"]
    assert len(plac) > 3 * len(conv) > 0
    for g, t in zip(plac["g"], plac["t"], strict=True):  # a plain check, one at a time
        same = world.conv_g == g
        assert np.all(np.abs(world.conv_t[same] - t) > w), "placebo inside a conversation"
        chats = world.chat_g == g
        assert np.all(np.abs(world.chat_t[chats] - t) > w), "placebo next to an AI chat"
        assert T_MIN + w <= t <= T_MAX - w  # the whole window inside the data
    # Every conversation tested has its whole window inside the data and no chat nearby.
    for g, t in zip(conv["g"], conv["t"], strict=True):
        assert T_MIN + w <= t <= T_MAX - w
        assert np.all(np.abs(world.chat_t[world.chat_g == g] - t) > w)
    # Placebos keep their conversation's person and topic.
    assert set(plac["g"]) <= set(conv["g"])


def test_counts_and_statistic_on_a_hand_made_world():
    d = 10 * DAY
    conv = [(1, d), (12, 30 * DAY)]  # person 0 on topic 1, person 1 on topic 2
    imps = [(1, d - 5 * H), (1, d + 3 * H), (1, d + 20 * H), (1, d + 50 * H),  # before 1, after 2
            (12, 30 * DAY + H), (5, d + H)]  # another topic does not count
    world = _world(conv, imps)
    units = mt.placebo_times(world, mt.MicSettings(placebos=3), seed=4)
    c = units[units["kind"] == "conversation"].set_index("g")
    assert (c.loc[1, "before"], c.loc[1, "after"]) == (1, 2)
    assert (c.loc[12, "before"], c.loc[12, "after"]) == (0, 1)
    res = mt.mic_test(world, mt.MicSettings(placebos=3), seed=4)
    p = units[units["kind"] == "placebo"]
    expected = ((c["after"] - c["before"]).mean() - (p["after"] - p["before"]).mean())
    assert res.statistic == pytest.approx(expected)
    assert res.after_per_conversation == pytest.approx(1.5)
    assert res.n_conversations == 2 and res.n_people == 2


def test_too_little_data_says_so():
    res = mt.mic_test(_world([(1, DAY)], [(1, DAY + H)]))  # the window runs off the data
    assert res.n_conversations == 0
    assert res.verdict == "not enough conversations to test" and not res.listening_flagged
    # One person: no spread across people to judge by, so no verdict either way.
    one = mt.mic_test(_world([(1, 10 * DAY), (1, 20 * DAY)], [(1, 10 * DAY + H)]))
    assert one.n_people == 1 and not one.listening_flagged
    assert one.verdict == "not enough conversations to test"


def test_listening_is_found_and_chance_is_not_on_hand_made_worlds():
    flagged_null = sum(mt.mic_test(_random_world(s), seed=s).listening_flagged
                       for s in range(N_NULL))
    assert flagged_null <= MAX_FLAGGED
    listening = [mt.mic_test(_random_world(s, listen=0.5), seed=s) for s in range(10)]
    assert all(r.listening_flagged for r in listening)
    assert np.mean([r.statistic for r in listening]) == pytest.approx(0.5, abs=0.1)


def test_an_ai_chat_after_the_conversation_is_not_taken_for_listening():
    # Every other conversation is followed by an AI chat on the topic and the platform
    # targets the chat: more ads after. That is a disclosed signal, not a microphone.
    rng = np.random.default_rng(8)
    base = _random_world(8, n_people=400)
    asked = np.arange(base.conv_g.size) % 2 == 0
    chat_t = base.conv_t[asked] + H
    ads_g = np.repeat(base.conv_g[asked], 2)
    ads_t = np.repeat(chat_t, 2) + rng.integers(H, 20 * H, ads_g.size)
    world = mt.MicWorld(base.conv_g, base.conv_t, np.concatenate([base.chat_g, base.conv_g[asked]]),
                        np.concatenate([base.chat_t, chat_t]),
                        np.concatenate([base.imp_g, ads_g]), np.concatenate([base.imp_t, ads_t]),
                        N_TOPICS, T_MIN, T_MAX)
    kept = mt.mic_test(world)
    assert kept.n_set_aside >= asked.sum() * 0.9
    assert not kept.listening_flagged
    naive = mt.mic_test(world, mt.MicSettings(set_aside_chats=False))
    assert naive.listening_flagged  # without the rule the chat path would read as listening


# --- on a generated population of the bundled sample's size ------------------------------------
@pytest.fixture(scope="module")
def frames():
    return generate_frames(5000, 20251216)


@pytest.fixture(scope="module")
def population(frames):
    return mt.world_from_frames(frames)


@pytest.fixture(scope="module")
def no_priming():
    return mt.world_from_frames(generate_frames(5000, 31, params=SimParams(priming_rate=0.0)))


def test_null_worlds_with_shuffled_conversation_times_rarely_flag(population):
    study = mt.power_study(population, rates=(0.0, 0.5), n_worlds=N_NULL,
                           bases=(mt.SHUFFLED,), seed=1)
    assert study.curve.set_index("rate").loc[0.0, "n_worlds"] == N_NULL
    flagged = int(study.curve.set_index("rate").loc[0.0, "flagged"])
    assert flagged <= MAX_FLAGGED
    # The p-values of null worlds are spread out, not piled up near zero.
    null = study.worlds[study.worlds["rate"] == 0.0]
    assert 0.25 < null["p_value"].median() < 0.75
    assert study.rate_at(0.5) == 1.0


def test_listening_at_half_an_ad_per_conversation_is_detected(population):
    study = mt.power_study(population, rates=(0.0, 0.5), n_worlds=20,
                           bases=(mt.OBSERVED_BASE,), seed=2)
    assert study.rate_at(0.5, mt.OBSERVED_BASE) >= 0.8
    assert study.n_people > 4000


def test_priming_is_not_called_listening(population):
    # Generated data: ads prime conversations 1-10 days later. The extra ads sit before the
    # conversations, so the statistic goes below zero and never flags.
    res = mt.mic_test(population)
    assert res.excess_before > 0
    assert res.excess_before_ci[0] > 0
    assert res.statistic < 0 and not res.listening_flagged
    # Naively comparing only the window after with placebo times would have cried wolf.
    assert res.excess_after_ci[0] > 0


def test_no_priming_no_listening_does_not_flag(no_priming):
    flagged = [mt.mic_test(no_priming, seed=s).listening_flagged for s in range(3)]
    assert not any(flagged)
    res = mt.mic_test(no_priming)
    assert res.excess_after > 0  # interest and plans: ads cluster around talk on both sides
    assert abs(res.statistic) < 3 * res.se


def test_the_generators_listening_world_reads_like_the_tests_own(frames, population):
    # The power study adds listening ads to the numbers directly; the generator's own
    # counterfactual (adlens.simulate.add_listening) must give the same picture.
    world = mt.world_from_frames(with_listening(frames, 0.5, seed=3))
    theirs = mt.mic_test(world, seed=1)
    ours = mt.mic_test(mt.add_listening(population, 0.5, np.random.default_rng(3)), seed=1)
    assert theirs.listening_flagged and ours.listening_flagged
    assert abs(theirs.statistic - ours.statistic) < 4 * max(theirs.se, ours.se)
    assert world.imp_g.size - population.imp_g.size == pytest.approx(
        0.5 * population.n_conversations, rel=0.1)


def test_profile_shows_the_listening_spike(population):
    rng = np.random.default_rng(0)
    quiet = mt.exposure_profile(population)
    loud = mt.exposure_profile(mt.add_listening(population, 0.5, rng))
    first = (quiet["hours"] == 0) & (quiet["series"] == mt.CONVERSATIONS)
    assert loud.loc[first, "ads"].iloc[0] > quiet.loc[first, "ads"].iloc[0] + 0.2
    assert set(quiet["series"]) == {mt.CONVERSATIONS, mt.PLACEBOS}
    assert quiet["hours"].min() == -48 and quiet["hours"].max() == 42


def test_settings_are_checked():
    with pytest.raises(ValueError, match="window"):
        mt.MicSettings(window_hours=0)
    with pytest.raises(ValueError, match="placebo"):
        mt.MicSettings(placebos=0)
    assert mt.wilson(0, 40)[0] == 0.0 and mt.wilson(40, 40)[1] == 1.0
