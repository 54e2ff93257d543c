"""The server's long-lived objects are set aside from the collector once per batch of imported
modules, only in a served app, and objects made afterwards are still collected."""

from __future__ import annotations

import gc
import sys
import types
import weakref

import pytest

from components import collector


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> int:
    """Never frozen; whatever a test freezes is handed back to the collector afterwards.

    Gives the freeze count a plain collection leaves: 0 up to Python 3.11; from 3.12 a
    collection moves the immortal objects it meets to the permanent generation, which
    gc.get_freeze_count() counts too, so "nothing frozen" is that count, not 0."""
    monkeypatch.setattr(collector, "_modules_at_freeze", 0)
    gc.collect()
    yield gc.get_freeze_count()
    gc.unfreeze()


def test_freezes_once_then_again_only_after_new_imports(fresh, monkeypatch) -> None:
    assert collector.freeze_long_lived()
    frozen = gc.get_freeze_count()
    assert frozen > 1000  # the test process's modules, at the least
    assert not collector.freeze_long_lived()  # nothing imported since: no new freeze
    assert gc.get_freeze_count() == frozen
    monkeypatch.setitem(sys.modules, "adlens_test_new_module", types.ModuleType("x"))
    assert collector.freeze_long_lived()


def test_objects_made_after_a_freeze_are_still_collected(fresh) -> None:
    collector.freeze_long_lived()

    class Node:
        pass

    cycle = Node()
    cycle.me = cycle  # only the cyclic collector can free it
    gone = weakref.ref(cycle)
    del cycle
    gc.collect(2)  # what Streamlit runs after every script run
    assert gone() is None


def test_only_a_served_app_freezes(fresh, monkeypatch) -> None:
    from streamlit import runtime

    monkeypatch.setattr(runtime, "exists", lambda: False)
    assert not collector.after_run()
    assert gc.get_freeze_count() == fresh
    monkeypatch.setattr(runtime, "exists", lambda: True)
    assert collector.after_run()
    assert gc.get_freeze_count() > fresh + 1000


def test_collect_after_loading_sets_aside_only_in_a_served_app(fresh, monkeypatch) -> None:
    from streamlit import runtime

    monkeypatch.setattr(runtime, "exists", lambda: False)
    collector.collect()  # a test process or a script: a plain collection
    assert gc.get_freeze_count() == fresh
    monkeypatch.setattr(runtime, "exists", lambda: True)
    collector.collect()
    frozen = gc.get_freeze_count()
    assert frozen > fresh + 1000
    collector.collect()  # no module imported since: collects, freezes nothing more
    assert gc.get_freeze_count() == frozen


class _Node:
    pass


def _aged_garbage() -> weakref.ref:
    """A reference cycle that became garbage only after reaching the oldest generation."""
    node = _Node()
    node.me = node
    gc.collect()  # it survives a full collection: now in the oldest generation
    gone = weakref.ref(node)
    del node
    return gone


def test_the_first_freeze_collects_the_young_generations_only(fresh) -> None:
    young = _Node()
    young.me = young
    young_gone = weakref.ref(young)
    del young
    aged_gone = _aged_garbage()
    assert collector.freeze_long_lived()
    assert young_gone() is None  # the young generations were collected before freezing
    assert aged_gone() is not None  # the oldest one was not walked: frozen as it was


def test_later_freezes_collect_everything_first(fresh, monkeypatch) -> None:
    collector.freeze_long_lived()
    aged_gone = _aged_garbage()
    monkeypatch.setitem(sys.modules, "adlens_test_new_module", types.ModuleType("x"))
    assert collector.freeze_long_lived()
    assert aged_gone() is None
