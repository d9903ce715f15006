"""``@record``: immutable typed records, as ``typing.NamedTuple`` makes them, for a fraction of the cost.

The model defines some fifty record classes, and validate imports the model in every pre-commit
hook. ``typing.NamedTuple`` type-checks every annotation and has ``collections.namedtuple`` compile
a ``__new__`` from source text for each class (what that costs: docs/performance.md). ``@record`` reads the same class
body (annotations as strings, thanks to ``from __future__ import annotations``; defaults; methods
and properties) and builds the same kind of class — a tuple subclass with ``__slots__ = ()``, a
read-only property per field, ``_fields``, ``_field_defaults``, ``_make``, ``_replace``, ``_asdict``,
``__match_args__`` and a namedtuple-style ``repr`` — with one shared ``__new__`` instead of a
compiled one. tests/test_records.py holds every model class against the ``typing.NamedTuple`` built
from the same body. Why this exists is in docs/performance.md.
"""
from __future__ import annotations

from operator import itemgetter

_MISSING = object()
_SKIP = frozenset({"__dict__", "__weakref__", "__annotations__"})


def record(cls: type) -> type:
    """The class body of ``cls`` as an immutable record (see the module docstring)."""
    body = cls.__dict__
    fields = tuple(body.get("__annotations__", {}))
    defaults = {name: body[name] for name in fields if name in body}
    first_default = len(fields) - len(defaults)
    if any(name not in defaults for name in fields[first_default:]):
        raise TypeError(f"{cls.__name__}: a field without a default follows a field with one")
    for name in fields:
        if name.startswith("_"):
            raise ValueError(f"{cls.__name__}: a field name cannot start with an underscore: {name!r}")
    namespace = {key: value for key, value in body.items() if key not in _SKIP and key not in defaults}
    namespace.update(
        __slots__=(),
        _fields=fields,
        _field_defaults=defaults,
        __match_args__=fields,
        __new__=_make_new(cls.__name__, fields, defaults, first_default),
        __annotations__=dict(body.get("__annotations__", {})),
    )
    for i, name in enumerate(fields):
        namespace[name] = property(itemgetter(i), doc=f"Alias for field number {i}")
    for name, method in _METHODS.items():
        namespace.setdefault(name, method)
    return type(cls.__name__, (tuple,), namespace)


def _make_new(name: str, fields: tuple[str, ...], defaults: dict, first_default: int):
    count = len(fields)
    index = {f: i for i, f in enumerate(fields)}
    tail = tuple(defaults[f] for f in fields[first_default:])
    new_tuple = tuple.__new__

    def __new__(cls, *args, **kwargs):
        if not kwargs and len(args) == count:
            return new_tuple(cls, args)
        if len(args) > count:
            raise TypeError(f"{name}.__new__() takes {count + 1} positional arguments but {len(args) + 1} were given")
        values = list(args) + [_MISSING] * (count - len(args))
        for key, value in kwargs.items():
            i = index.get(key)
            if i is None:
                raise TypeError(f"{name}.__new__() got an unexpected keyword argument '{key}'")
            if i < len(args):
                raise TypeError(f"{name}.__new__() got multiple values for argument '{key}'")
            values[i] = value
        for i in range(first_default, count):
            if values[i] is _MISSING:
                values[i] = tail[i - first_default]
        missing = [fields[i] for i in range(first_default) if values[i] is _MISSING]
        if missing:
            raise TypeError(f"{name}.__new__() missing {len(missing)} required positional argument"
                            f"{'s' if len(missing) > 1 else ''}: {', '.join(repr(m) for m in missing)}")
        return new_tuple(cls, values)

    __new__.__qualname__ = f"{name}.__new__"
    return __new__


@classmethod
def _make(cls, iterable):
    result = tuple.__new__(cls, iterable)
    if len(result) != len(cls._fields):
        raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(result)}")
    return result


def _replace(self, /, **changes):
    result = self._make(map(changes.pop, self._fields, self))
    if changes:
        raise ValueError(f"Got unexpected field names: {list(changes)!r}")
    return result


def _asdict(self) -> dict:
    return dict(zip(self._fields, self))


def __repr__(self) -> str:
    return f"{type(self).__name__}(" + ", ".join(f"{f}={v!r}" for f, v in zip(self._fields, self)) + ")"


def __getnewargs__(self):
    return tuple(self)


_METHODS = {"_make": _make, "_replace": _replace, "_asdict": _asdict, "__repr__": __repr__,
            "__getnewargs__": __getnewargs__}
