"""The data cache: used while its sources are unchanged, and it does not grow with every checkout."""
from __future__ import annotations

import os

from plancompiler import datacache


def test_the_cache_is_used_while_the_sources_are_unchanged_and_rebuilt_after(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("PLANCOMPILER_NO_CACHE", raising=False)
    source = tmp_path / "bron.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    built = []

    def build():
        built.append(1)
        return {"a": len(built)}

    assert datacache.cached("proef", [str(source)], build) == {"a": 1}
    assert datacache.cached("proef", [str(source)], build) == {"a": 1} and len(built) == 1
    source.write_text("a: 22\n", encoding="utf-8")
    assert datacache.cached("proef", [str(source)], build) == {"a": 2}


def test_only_the_most_recent_cache_files_of_a_kind_are_kept(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.delenv("PLANCOMPILER_NO_CACHE", raising=False)
    other = cache / "plancompiler" / "anders-00000000.bin"
    other.parent.mkdir(parents=True)
    other.write_bytes(b"")  # another kind of cache file: never touched
    for i in range(datacache.KEEP + 5):  # as many checkouts, each with its own source path
        source = tmp_path / f"checkout{i}" / "bron.yaml"
        source.parent.mkdir()
        source.write_text("a: 1\n", encoding="utf-8")
        datacache.cached("proef", [str(source)], lambda: {"a": 1})
        newest = max((cache / "plancompiler").glob("proef-*.bin"), key=os.path.getmtime)
        os.utime(newest, ns=(i * 10**9, i * 10**9))  # distinct, increasing times
    kept = sorted((cache / "plancompiler").glob("proef-*.bin"), key=os.path.getmtime)
    assert len(kept) == datacache.KEEP and other.exists()
    assert [os.path.getmtime(p) for p in kept] == [float(i) for i in range(5, datacache.KEEP + 5)]
