"""Value classes that cost nothing to define: what `@dataclass` gives, written once.

`@dataclass` writes each class's `__init__`, `__repr__`, `__eq__` and friends as source
text and compiles it when the module is imported: about 1 ms a class, and copydesk has
about twenty classes on the path of every run, a tenth of a one-file check. Here the
shared methods are written once, in this module's bytecode, and each class writes its
own `__init__` (the one that runs per instance, so it stays as fast as a generated one).

A subclass lists its fields in `__slots__`, in `__init__`'s order. `Frozen` subclasses set
their fields with `set_frozen` (`object.__setattr__`) and refuse assignment afterwards, as a
frozen dataclass does; their hash is that of the compared fields. `Record` subclasses are
mutable and, like a mutable dataclass, unhashable. `_uncompared` names fields left out of
equality (and the hash). Instances pickle by their fields, for the parallel runner.
"""

from __future__ import annotations

from operator import attrgetter
from typing import ClassVar

__all__ = ["Frozen", "Record", "set_frozen"]

set_frozen = object.__setattr__  # how a Frozen class's __init__ sets its fields


def _tuple_getter(names: tuple[str, ...]):
    """A function of a record returning the tuple of these fields' values."""
    if len(names) >= 2:
        return attrgetter(*names)
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda record: (one(record),)
    return lambda record: ()


class Record:
    """Equality by field values (same class only), a `Name(field=value, ...)` repr, pickling."""

    __slots__ = ()
    _uncompared: ClassVar[tuple[str, ...]] = ()
    _field_names: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        names: list[str] = []
        for klass in reversed(cls.__mro__):
            slots = klass.__dict__.get("__slots__", ())
            names.extend((slots,) if isinstance(slots, str) else slots)
        cls._field_names = tuple(names)
        # tuple-of-fields getters in C: findings are hashed and compared once each per run
        cls._values_of = staticmethod(_tuple_getter(cls._field_names))
        cls._compared_of = staticmethod(_tuple_getter(tuple(n for n in names if n not in cls._uncompared)))

    _values_of = _compared_of = staticmethod(lambda record: ())

    def _values(self) -> tuple:
        return self._values_of(self)

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return self._compared_of(self) == other._compared_of(other)
        return NotImplemented

    __hash__ = None  # mutable: unhashable, like a dataclass with eq and without frozen

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._field_names)
        return f"{type(self).__qualname__}({inner})"

    def __reduce__(self):
        return type(self), self._values()


class Frozen(Record):
    """A Record whose fields cannot change once `__init__` has set them (with `set_frozen`)."""

    __slots__ = ()

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field '{name}' of a {type(self).__name__}")

    def __delattr__(self, name):
        raise AttributeError(f"cannot delete field '{name}' of a {type(self).__name__}")

    def __hash__(self) -> int:
        return hash(self._compared_of(self))
