"""Atomic file writes: write to a temporary file beside the target, then rename.

A crash or kill mid-way leaves the previous file (or nothing) in place, never half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterator


@contextmanager
def atomic_open(path: os.PathLike | str, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO[Any]]:
    """Open a temporary file next to ``path``; on success it replaces ``path``."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale(target)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OSError(exc.errno, f"cannot write {target} ({exc.strerror or exc})") from None
    os.chmod(tmp, 0o666 & ~_umask())  # the permissions a plain open() would give
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else encoding,
                       newline=None if "b" in mode else "\n") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _remove_stale(target: Path) -> None:
    """Delete temporary files left beside ``target`` by a run that was killed."""
    for p in target.parent.glob(f".{target.name}.*.tmp"):
        parts = p.name[len(target.name) + 2:].split(".")
        if parts and parts[0].isdigit() and not pid_alive(int(parts[0])):
            try:
                p.unlink()
            except OSError:
                pass


def pid_alive(pid: int) -> bool:
    """Is a process with this id running (or owned by someone else)?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def dumps(obj: Any) -> str:
    """One compact JSON line (UTF-8 Arabic kept readable, keys in field order)."""
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))


def write_jsonl(path: os.PathLike | str, rows: Any) -> int:
    """Write dicts as JSON lines atomically; return how many were written."""
    n = 0
    with atomic_open(path) as fh:
        for row in rows:
            fh.write(dumps(row))
            fh.write("\n")
            n += 1
    return n
