"""Where a run may write, and how it replaces what an earlier run wrote.

Three guarantees, for every command that writes:

* **Outputs never destroy inputs.** :func:`check_separate` refuses an output that is, or
  lies inside, an input, and an input that lies inside an output folder (the run would
  read back or replace its own inputs).
* **A folder is replaced as one unit, and only what we wrote is ever deleted.**
  :class:`StagedFolder` writes the new contents into a hidden sibling, then swaps it in
  by renames. Each folder we write carries a marker listing the entries we wrote; files a
  user added later (a pulled ``reviewed.jsonl``) are carried over into the new folder. A
  folder (or file) we did not write is refused, or with ``force`` set aside under a
  visible name and kept, never deleted.
* **One writer per folder.** :class:`FolderLock` takes an exclusive ``flock`` on a lock
  file beside the folder; a second run fails at once naming the holder's PID. A lock left
  by a killed run holds no ``flock`` and is taken over (stale locks need no clean-up).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from quotes.io.atomic import pid_alive

MARKER = ".quotes-output.json"
T = TypeVar("T")


class OutputError(Exception):
    """An output that would destroy an input or files we did not write (a usage error)."""


class NothingProduced(Exception):
    """A run read no document: its outputs must not replace earlier ones."""


def _resolved(path: os.PathLike | str) -> Path:
    return Path(path).expanduser().resolve()


def _within(inner: Path, outer: Path) -> bool:
    return inner == outer or outer in inner.parents


def check_inputs(inputs: Iterable[os.PathLike | str]) -> None:
    """Every input path exists (checked before anything is written)."""
    for p in inputs:
        if not Path(p).exists():
            raise OutputError(f"{p}: no such file or folder (nothing was written)")


def check_separate(inputs: Iterable[os.PathLike | str], files: Iterable[os.PathLike | str] = (),
                   folders: Iterable[os.PathLike | str] = ()) -> None:
    """Refuse output ``files`` and ``folders`` that are or lie inside an input, and inputs
    that lie inside an output folder."""
    ins = [(p, _resolved(p)) for p in inputs]
    for out in (*files, *folders):
        o = _resolved(out)
        for shown, i in ins:
            if _within(o, i):
                where = "is" if o == i else "lies inside"
                raise OutputError(f"the output {out} {where} the input {shown}; choose another output "
                                  "(nothing was written)")
    for out in folders:
        o = _resolved(out)
        for shown, i in ins:
            if _within(i, o):
                raise OutputError(f"the input {shown} lies inside the output folder {out}, which this run "
                                  "replaces; choose another output folder (nothing was written)")


class FolderLock:
    """An exclusive lock on ``target`` (a file or folder) for the length of a ``with``."""

    def __init__(self, target: os.PathLike | str):
        t = Path(target)
        self.target = t
        self.path = t.parent / f".{t.name}.lock"
        self._fd: int | None = None

    def __enter__(self) -> "FolderLock":
        while True:
            fd = _writable(self.target, lambda: (self.path.parent.mkdir(parents=True, exist_ok=True),
                                                 os.open(self.path, os.O_CREAT | os.O_RDWR, 0o644))[1])
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.read(fd, 32).decode(errors="replace").strip() or "unknown"
                os.close(fd)
                raise OutputError(f"{self.target} is being written by another run (pid {holder}); "
                                  "wait for it to finish, then run again") from None
            try:
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if same:  # not a file the previous holder unlinked after we opened it
                break
            os.close(fd)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            try:
                self.path.unlink()
            except FileNotFoundError:
                pass
            os.close(self._fd)
            self._fd = None


def _writable(target: Path, make: Callable[[], T]) -> T:
    """Run ``make`` (which creates something beside ``target``); an OS error becomes one
    that names the output the user gave, not our hidden file."""
    try:
        return make()
    except OSError as exc:
        raise OSError(exc.errno, f"cannot write {target} ({exc.strerror or exc})") from None


def read_marker(folder: Path) -> dict | None:
    """The marker of a folder we wrote (kind and entries), or None."""
    try:
        data = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("entries"), list) else None


def _aside(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}.old-{stamp}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.old-{stamp}-{n}")
    return candidate


class StagedFolder:
    """Build a folder's new contents beside it, then put them in place as one unit.

    ``kind`` names what the folder is ("build", "dataset"); an existing folder of the same
    kind with our marker, or an empty one, is replaced; anything else needs ``force`` and
    is then set aside (renamed to ``NAME.old-STAMP``) and kept.
    """

    def __init__(self, target: os.PathLike | str, kind: str, force: bool = False):
        self.target = Path(target)
        self.kind = kind
        self.force = force
        self.staging: Path | None = None
        self.set_aside: Path | None = None

    def check(self) -> None:
        """Refuse (before any work) a target we may not replace."""
        t = self.target
        if t.is_symlink() or (t.exists() and not t.is_dir()):
            if not self.force:
                raise OutputError(f"{t} is a file, not a folder; choose another output, or --force to keep the "
                                  "file under another name and write the folder (nothing was written)")
        elif t.is_dir() and not self._replaceable():
            if not self.force:
                raise OutputError(f"{t} holds files that quotes did not write (no {self.kind} of ours); choose a "
                                  "new or empty folder, or --force to keep the old folder under another name "
                                  "(nothing was written)")

    def _replaceable(self) -> bool:
        marker = read_marker(self.target)
        return (marker is not None and marker.get("kind") == self.kind) or not any(self.target.iterdir())

    def __enter__(self) -> Path:
        self.check()
        parent = self.target.parent
        _writable(self.target, lambda: parent.mkdir(parents=True, exist_ok=True))
        self._remove_stale(parent)
        self.staging = _writable(self.target, lambda: Path(tempfile.mkdtemp(
            prefix=f".{self.target.name}.new-{os.getpid()}-", dir=parent)))
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(self.staging, 0o777 & ~mask)  # what a plain mkdir would give
        return self.staging

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if self.staging is not None and self.staging.exists():
            shutil.rmtree(self.staging, ignore_errors=True)  # not committed: the old folder stays

    def _remove_stale(self, parent: Path) -> None:
        """Staging folders of runs that were killed (their PID is gone)."""
        for p in parent.glob(f".{self.target.name}.new-*"):
            pid = p.name[len(self.target.name) + 6:].split("-")[0]
            if p.is_dir() and pid.isdigit() and not pid_alive(int(pid)):
                shutil.rmtree(p, ignore_errors=True)

    def commit(self) -> Path | None:
        """Swap the staged folder in; return where a forced-over old target was kept."""
        assert self.staging is not None, "commit() inside the with block"
        new, t = self.staging, self.target
        entries = sorted(p.name for p in new.iterdir())
        (new / MARKER).write_text(json.dumps({"kind": self.kind, "entries": entries}, ensure_ascii=False) + "\n",
                                  encoding="utf-8")
        if not (t.exists() or t.is_symlink()):
            os.replace(new, t)
        elif t.is_symlink() or not t.is_dir() or not self._replaceable():
            self.set_aside = _aside(t)
            os.replace(t, self.set_aside)
            os.replace(new, t)
        else:
            left = self._carry_over(t, new)
            old = _aside(t) if left else t.with_name(f".{t.name}.old-{os.getpid()}")
            os.replace(t, old)
            os.replace(new, t)
            if left:
                self.set_aside = old  # a user's file had the name of a new output: keep it
            else:
                shutil.rmtree(old, ignore_errors=True)
        self.staging = None
        return self.set_aside

    @staticmethod
    def _carry_over(old: Path, new: Path) -> bool:
        """Move what a user added to the old folder (entries its marker does not list) into
        the new one, so replacing the folder deletes only what we wrote. True when a user's
        entry could not move (a new output has its name)."""
        marker = read_marker(old) or {"entries": []}
        ours = set(marker["entries"]) | {MARKER}
        left = False
        for p in old.iterdir():
            if p.name not in ours:
                if (new / p.name).exists():
                    left = True
                else:
                    os.replace(p, new / p.name)
        return left
