"""The outputs of ``quotes build`` beside the records: Label Studio files and the report."""

from __future__ import annotations

from pathlib import Path

from annotation.ls_format import label_config, model_version, task_for
from annotation.report import ReportData, render
from quotes.atomic import atomic_open, dumps
from quotes.record import Document, Quotation


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

    def __init__(self, paths: BuildOutputs):
        self.paths = paths
        self.data = ReportData()

    def __call__(self, doc: Document, quotes: list[Quotation]) -> None:
        self.data.add_document(doc, quotes)

    def write(self, skipped: int = 0, failed: int = 0) -> None:
        self.data.skipped = skipped
        self.data.failed = failed
        with atomic_open(self.paths.report) as fh:
            fh.write(render(self.data, "Arabic quotations: build report"))
