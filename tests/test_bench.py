"""The benchmark scripts still reach the functions they time (a moved module once broke `make bench`)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import s400lib as sl

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_extractor_timers_wrap_every_step_of_a_parse(tmp_path):
    run_bench = _module("run_bench")
    (tmp_path / "a.txt").write_text("Mayor Anna Berg said on Monday that the bridge would reopen in May.\n", encoding="utf-8")
    store: dict = {}
    with run_bench.extractor_timers(store):
        sl.parse(tmp_path, progress=False)
    assert {"claims", "quotes", "timexes", "entities", "finish: canonical names (decide)"} <= set(store)
    assert all(seconds >= 0 for seconds in store.values())
