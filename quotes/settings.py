"""Numeric settings read from a YAML config file into a frozen dataclass: every field is a
required key, a positive number (a whole one where the field is an ``int``); any other
value is an error naming the file and the key."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import TypeVar

import yaml

T = TypeVar("T")


def read_settings(path: Path, cls: type[T], error: type[Exception]) -> T:
    """``cls`` filled from the YAML file ``path``; raises ``error`` naming the file and key."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise error(f"{path}: cannot read ({exc})") from None
    if not isinstance(data, dict):
        raise error(f"{path}: expected keys and values")
    values = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name not in data:
            raise error(f"{path}: missing key {f.name!r}")
        value = data[f.name]
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0:
            raise error(f"{path}: {f.name} must be a positive number, not {value!r}")
        if f.type == "int" and not isinstance(value, int):
            raise error(f"{path}: {f.name} must be a whole number, not {value!r}")
        values[f.name] = value if f.type == "int" else float(value)
    return cls(**values)
