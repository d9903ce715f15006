"""records.record against the plain path: every record class (the model's and the pipeline's) behaves
as collections.namedtuple (what typing.NamedTuple builds) with the same fields and defaults."""
from __future__ import annotations

import collections
import copy
import pickle

import pytest

from plancompiler import model
from plancompiler.records import record

from plancompiler import config, diagnostics, fastpath, fastschema, waivers
from plancompiler.render import common, pandoc
from plancompiler.rules import _base, _wet

MODULES = (model, config, diagnostics, fastpath, fastschema, waivers, _base, _wet, common, pandoc)
RECORDS = sorted({obj for module in MODULES for obj in vars(module).values()
                  if isinstance(obj, type) and issubclass(obj, tuple) and hasattr(obj, "_fields")
                  and obj.__module__ == module.__name__}, key=lambda c: (c.__module__, c.__name__))


def plain(cls):
    defaults = tuple(cls._field_defaults[f] for f in cls._fields if f in cls._field_defaults)
    return collections.namedtuple(cls.__name__, cls._fields, defaults=defaults)


def outcome(make):
    try:
        made = make()
    except Exception as exc:  # noqa: BLE001 - the kind of failure is what is compared
        return type(exc)
    return (tuple(made), repr(made))


def test_the_model_and_the_pipelines_records_are_records():
    assert len([c for c in RECORDS if c.__module__ == "plancompiler.model"]) >= 50
    assert {c.__module__ for c in RECORDS} == {m.__name__ for m in MODULES}
    assert all(cls.__slots__ == () and "typing" not in repr(type(cls)) for cls in RECORDS)


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: f"{c.__module__}.{c.__name__}")
def test_a_record_behaves_as_the_namedtuple_with_its_fields(cls):
    ref = plain(cls)
    fields, n = cls._fields, len(cls._fields)
    required = [f for f in fields if f not in cls._field_defaults]
    values = [f"<{f}>" for f in fields]
    assert (cls._fields, cls._field_defaults, cls.__match_args__) == (ref._fields, ref._field_defaults, ref._fields)
    calls = [
        ((*values,), {}),  # all positional
        ((), dict(zip(fields, values))),  # all by keyword
        ((), {f: 1 for f in required}),  # defaults filled in
        ((*values[:1],), {f: 2 for f in fields[1:] if f in required}),  # mixed
        ((*values, "te veel"), {}),  # too many
        ((), {f: 1 for f in required[1:]}),  # one missing (when any are required)
        ((*values[:1],), {fields[0]: "twee keer", **{f: 3 for f in required[1:]}}),  # twice
        ((), {**{f: 1 for f in required}, "onbekend": 4}),  # unknown keyword
    ]
    for args, kwargs in calls:
        assert outcome(lambda: cls(*args, **kwargs)) == outcome(lambda: ref(*args, **kwargs)), (args, kwargs)
    ours, theirs = cls(*values), ref(*values)
    assert ours == theirs and hash(ours) == hash(theirs) and isinstance(ours, tuple)
    assert [getattr(ours, f) for f in fields] == values
    assert ours._asdict() == theirs._asdict()
    changed = {fields[-1]: "nieuw"}
    assert tuple(ours._replace(**changed)) == tuple(theirs._replace(**changed))
    assert type(ours._replace(**changed)) is cls and type(cls._make(values)) is cls
    assert outcome(lambda: ours._replace(onbekend=1)) == outcome(lambda: theirs._replace(onbekend=1)) == ValueError
    assert outcome(lambda: cls._make(values[:-1])) == outcome(lambda: ref._make(values[:-1])) == TypeError
    with pytest.raises(AttributeError):
        setattr(ours, fields[0], "anders")
    with pytest.raises(AttributeError):
        ours.iets_nieuws = 1
    assert pickle.loads(pickle.dumps(ours)) == ours and copy.deepcopy(ours) == ours
    assert n == len(ours)


def test_methods_and_properties_of_the_class_body_stay():
    instrument = model.Instrument("x", "X", {}, entry={"soort": "bijeenkomst", "vervolg_nodig": True})
    assert (instrument.soort, instrument.vervolg_nodig, instrument.deel_b) == ("bijeenkomst", True, None)
    assert model.Instrument.__doc__.startswith("An instrument as a plan uses it")


def test_a_field_without_default_after_one_with_a_default_is_refused():
    with pytest.raises(TypeError):
        @record
        class Wrong:
            a: int = 1
            b: int
