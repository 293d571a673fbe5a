"""The extract job: documents in, record (and document) JSONL files out, atomically.

A function with a typed summary, called by the CLI, the build and the benchmarks; it
prints nothing: what happens on the way (a skipped input, a failed document, progress)
goes to the callbacks the caller gives.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Callable, Sequence

from quotes.clusters import ClusterCounts, ClusterIndex, Clusters, SpeakerCompatibility, load_cluster_settings
from quotes.io.atomic import atomic_open, dumps
from quotes.io.documents import BadInput, ReadStats, read_documents
from quotes.io.outputs import NothingProduced
from quotes.pipeline import Engine
from quotes.run import parallel
from quotes.stance import load_targets

@dataclass
class ExtractSummary:
    """What an extract run did."""

    documents: int = 0
    quotations: int = 0
    by_type: Counter = field(default_factory=Counter)
    skipped: list[BadInput] = field(default_factory=list)         # inputs that could not be read
    failed: list[parallel.Failed] = field(default_factory=list)   # documents the engine failed on
    surrogates_replaced: int = 0
    clustered: ClusterCounts | None = None  # the run's quotations in clusters (None: not clustered)
    seconds: float = 0.0

    @property
    def counts(self) -> dict[str, int]:
        """The running counts a progress line shows."""
        return {"documents": self.documents, "quotations": self.quotations, "skipped": len(self.skipped),
                "failed": len(self.failed)}


def failed_path(output: Path) -> Path:
    """Where the documents the engine failed on are listed, beside ``output``."""
    return Path(output).parent / "failed.jsonl"


def write_failed(output: Path, failed: Sequence[parallel.Failed]) -> None:
    """List failed documents beside the outputs (one JSON a line) so they can be re-run;
    an earlier list is removed when nothing failed this time."""
    path = failed_path(output)
    if not failed:
        path.unlink(missing_ok=True)
        return
    with atomic_open(path) as f:
        for item in failed:
            f.write(dumps(item.to_dict()) + "\n")


def extract_job(inputs: Sequence[Path], output: Path, documents: Path | None = None, targets: Path | None = None,
                stance: bool = True, id_field: str = "id", text_field: str = "text", workers: int = 1,
                clusters: bool = True,
                on_problem: Callable[[BadInput | parallel.Failed], None] | None = None,
                on_progress: Callable[[ExtractSummary], None] | None = None) -> ExtractSummary:
    """Stream ``inputs`` through the engine into ``output`` (and ``documents``).

    With ``clusters`` the records first go to a temporary file beside ``output`` while
    their fingerprints are kept (a few hundred bytes each); the whole run is then
    clustered and the records written again with their cluster fields.
    ``on_problem`` sees each skipped input and failed document as it happens. A run that
    reads no document raises :class:`NothingProduced` and replaces no output.
    """
    target_list = tuple(load_targets(targets)) if targets is not None else ()
    engine = Engine.load(stance=stance, targets=target_list)  # a broken lexicon fails here, before any output
    index = ClusterIndex(load_cluster_settings(), SpeakerCompatibility(engine.lexicon)) if clusters else None
    summary = ExtractSummary()
    t0 = time.perf_counter()
    read_stats = ReadStats()
    with ExitStack() as stack:
        out = stack.enter_context(atomic_open(output))
        first = stack.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8", dir=Path(output).parent,
                                                           prefix=".quotes-unclustered-")) if index is not None else out
        docs_out = stack.enter_context(atomic_open(documents)) if documents else None
        items = read_documents(inputs, id_field=id_field, text_field=text_field, stats=read_stats)
        for result in parallel.run(items, workers=workers, stance=stance, targets=target_list,
                                   fingerprints=index is not None, document_lines=documents is not None):
            if isinstance(result, (BadInput, parallel.Failed)):
                (summary.skipped if isinstance(result, BadInput) else summary.failed).append(result)
                if on_problem is not None:
                    on_problem(result)
            else:
                for qtype, line in zip(result.types, result.lines):
                    first.write(line + "\n")
                    summary.by_type[qtype] += 1
                for item in result.items or ():
                    index.add(*item)  # type: ignore[union-attr]
                if docs_out is not None and result.doc_line is not None:
                    docs_out.write(result.doc_line + "\n")
                summary.documents += 1
                summary.quotations += len(result.lines)
            if on_progress is not None:
                on_progress(summary)
        if not summary.documents:  # leave the with by an exception: no output is replaced
            raise NothingProduced(f"no document was read from {', '.join(map(str, inputs))} "
                                  f"({len(summary.skipped)} skipped, {len(summary.failed)} failed)")
        if index is not None:
            summary.clustered = _write_clustered(first, out, index.assign())
    write_failed(output, summary.failed)
    summary.surrogates_replaced = read_stats.surrogates_replaced
    summary.seconds = round(time.perf_counter() - t0, 2)
    return summary


# The cluster fields as the engine writes them (unset). A JSON string escapes its quotes, so
# this text can only be the record's own keys: it is replaced without parsing the line.
_UNSET = dumps({"cluster_id": None, "cluster_size": None, "cluster_documents": None})[1:-1]


def _write_clustered(first: IO[str], out: IO[str], clusters: Clusters) -> ClusterCounts:
    """Copy the records of ``first`` to ``out`` with their cluster fields."""
    first.seek(0)
    for i, line in enumerate(first):
        fields = dumps(clusters.fields(i))[1:-1]
        if _UNSET in line:
            out.write(line.replace(_UNSET, fields, 1))
        else:  # not the engine's layout: parse it
            record = json.loads(line)
            record.update(clusters.fields(i))
            out.write(dumps(record) + "\n")
    return clusters.counts()
