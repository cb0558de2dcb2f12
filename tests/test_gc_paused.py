"""The garbage collector is paused only inside the functions that make many acyclic objects."""

from __future__ import annotations

import gc

import pytest

from kvaleval._gc import gc_paused, without_gc


def test_gc_paused_restores_the_collector_also_on_error() -> None:
    assert gc.isenabled()
    with pytest.raises(ValueError, match="fejl"), gc_paused():
        assert not gc.isenabled()
        raise ValueError("fejl")
    assert gc.isenabled()


def test_without_gc_keeps_the_name_and_restores() -> None:
    @without_gc
    def collecting() -> bool:
        """Is the collector on?"""
        return gc.isenabled()

    assert collecting() is False and gc.isenabled()
    assert collecting.__name__ == "collecting" and collecting.__doc__ == "Is the collector on?"


def test_gc_paused_leaves_a_disabled_collector_disabled() -> None:
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
