"""The record's fields and their kinds, read once from :class:`~quotes.record.Quotation`.

Every other schema is derived from :func:`record_fields`: the ``datasets`` features of
``quotes.run.hf_map``, the Spark schema of ``quotes.run.spark`` and the published dataset's
features (``annotation.dataset.features``), so a field added to the record reaches all of them.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from functools import lru_cache

from quotes.record import Quotation

KINDS = ("string", "offset", "int", "float", "bool", "strings", "scores", "label")


@dataclass(frozen=True)
class FieldKind:
    """One record field: its name, kind (one of :data:`KINDS`) and, for a label, its names."""

    name: str
    kind: str
    labels: tuple[str, ...] = ()
    optional: bool = False


def _kind_of(name: str, hint: object) -> FieldKind:
    optional = False
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and type(None) in args:
        optional = True
        (hint,) = [a for a in args if a is not type(None)]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Annotated and "offset" in hint.__metadata__:  # type: ignore[attr-defined]
        return FieldKind(name, "offset", optional=optional)
    if origin is typing.Literal:
        return FieldKind(name, "label", tuple(args), optional)
    if origin is dict:
        return FieldKind(name, "scores", optional=optional)
    if origin is list:
        return FieldKind(name, "strings", optional=optional)
    simple = {str: "string", int: "int", float: "float", bool: "bool"}
    if hint in simple:
        return FieldKind(name, simple[hint], optional=optional)  # type: ignore[index]
    raise TypeError(f"Quotation.{name}: no schema kind for {hint!r}")


@lru_cache(maxsize=1)
def record_fields() -> tuple[FieldKind, ...]:
    """The fields of a quotation record in record order, with their kinds."""
    hints = typing.get_type_hints(Quotation, include_extras=True)
    return tuple(_kind_of(f.name, hints[f.name]) for f in dataclasses.fields(Quotation))


def score_keys() -> tuple[str, ...]:
    """The keys of the ``stance_scores`` struct (the stance labels)."""
    return next(f.labels for f in record_fields() if f.name == "stance")
