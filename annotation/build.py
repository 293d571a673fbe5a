"""The build job: records, documents, Label Studio files, the dataset and a report, all
written into a staging folder and swapped in as one unit (:mod:`quotes.io.outputs`)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from annotation.dataset import BuildStats, build_dataset
from annotation.labelstudio.format import label_config, model_version, task_for
from annotation.report import ReportData, render
from quotes.calibration import Calibration
from quotes.io.atomic import atomic_open, dumps
from quotes.io.documents import BadInput
from quotes.io.recordsio import read_grouped
from quotes.io.outputs import FolderLock, StagedFolder, check_inputs, check_separate
from quotes.pipeline import Engine
from quotes.record import Document, Quotation
from quotes.run.jobs import ExtractSummary, extract_job
from quotes.run.parallel import Failed


class BuildOutputs:
    """Where a build writes each output."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.quotes = self.root / "quotes.jsonl"
        self.documents = self.root / "documents.jsonl"
        self.labelstudio = self.root / "labelstudio"
        self.ls_config = self.labelstudio / "label_config.xml"
        self.ls_tasks = self.labelstudio / "tasks.json"
        self.dataset = self.root / "dataset"
        self.report = self.root / "report.html"


class LabelStudioSink:
    """Writes the labelling config and a tasks file (JSON list, the format ``quotes push``
    sends) that can be imported into Label Studio by hand."""

    def __init__(self, paths: BuildOutputs, version: str):
        self.paths = paths
        self.version = version  # for articles without quotations (an empty prediction)
        self._ctx = None
        self._fh = None
        self._first = True

    def __enter__(self) -> "LabelStudioSink":
        self.paths.labelstudio.mkdir(parents=True, exist_ok=True)
        with atomic_open(self.paths.ls_config) as fh:
            fh.write(label_config())
        self._ctx = atomic_open(self.paths.ls_tasks)
        self._fh = self._ctx.__enter__()
        self._fh.write("[")
        return self

    def __call__(self, doc: Document, quotes: list[Quotation]) -> None:
        self._fh.write(("\n" if self._first else ",\n") + dumps(task_for(doc, quotes, model_version(quotes) if quotes else self.version)))
        self._first = False

    def __exit__(self, *exc) -> bool:
        if exc[0] is None:
            self._fh.write("\n]\n")
        self._ctx.__exit__(*exc)
        return False


class ReportSink:
    """Collects the report's figures while documents stream by, then writes the page."""

    def __init__(self, paths: BuildOutputs, calibration: Calibration | None = None):
        self.paths = paths
        self.data = ReportData(calibration=calibration)

    def __call__(self, doc: Document, quotes: list[Quotation]) -> None:
        self.data.add_document(doc, quotes)

    def write(self, skipped: int = 0, failed: int = 0) -> None:
        self.data.skipped = skipped
        self.data.failed = failed
        with atomic_open(self.paths.report) as fh:
            fh.write(render(self.data, "Arabic quotations: build report"))


@dataclass
class BuildSummary:
    """What a build did: the extraction, the dataset, and where things went."""

    extract: ExtractSummary
    dataset: BuildStats
    outputs: BuildOutputs
    set_aside: Path | None   # where a forced-over old folder was kept
    seconds: float


def build_job(inputs: Sequence[Path], out: Path, targets: Path | None = None,
              ratios: tuple[float, float, float] = (0.8, 0.1, 0.1), id_field: str = "id", text_field: str = "text",
              workers: int = 1, force: bool = False,
              on_problem: Callable[[BadInput | Failed], None] | None = None,
              on_progress: Callable[[ExtractSummary], None] | None = None) -> BuildSummary:
    """Build every output of ``inputs`` into the folder ``out`` (one build per folder at a
    time; ``out`` replaced as a whole; raises before writing when an input is missing or
    would be overwritten, and :class:`~quotes.io.outputs.NothingProduced` when no document
    was read, leaving ``out`` as it was)."""
    t0 = time.perf_counter()
    check_inputs(inputs)
    check_separate(inputs, folders=[out])
    with FolderLock(out):
        staged = StagedFolder(out, "build", force=force)
        with staged as staging:
            paths = BuildOutputs(staging)
            engine = Engine.load(targets=targets)
            summary = extract_job(inputs, paths.quotes, paths.documents, targets, True, id_field, text_field,
                                  workers, on_problem=on_problem, on_progress=on_progress)
            report_sink = ReportSink(paths, engine.stance.calibration if engine.stance else None)
            with LabelStudioSink(paths, engine.version) as ls_sink:
                for doc, quotes in read_grouped(paths.documents, paths.quotes):  # with their cluster fields
                    ls_sink(doc, quotes)
                    report_sink(doc, quotes)
            stats = build_dataset(paths.quotes, paths.documents, paths.dataset, ratios)
            report_sink.write(len(summary.skipped), len(summary.failed))
            set_aside = staged.commit()
    return BuildSummary(summary, stats, BuildOutputs(out), set_aside, round(time.perf_counter() - t0, 2))
