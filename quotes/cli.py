"""The ``quotes`` command line: one command, a subcommand per job.

Exit codes: 0 all good, 1 some inputs were skipped (each is listed), 2 usage error or a
failure that stopped the job (the message names the file and line; ``--debug`` shows the
traceback).
"""

from __future__ import annotations

import json
import sys
import time
import traceback
from contextlib import ExitStack
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

from quotes.atomic import atomic_open, dumps
from quotes.documents import BadInput, read_documents
from quotes.evaluation import EvaluationError, evaluate
from quotes.lexicon import LexiconError, load_lexicon
from quotes.pipeline import annotate
from quotes.progress import Progress
from quotes.stance import load_stance_model, load_targets
from quotes.version import ENGINE_VERSION, __version__

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode="rich",
                  pretty_exceptions_enable=False,
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="Arabic quotation attribution and stance dataset builder.")
err = Console(stderr=True, highlight=False, soft_wrap=True)


class State:
    quiet = False
    verbose = False
    debug = False


def _version(value: bool) -> None:
    if value:
        typer.echo(f"quotes {__version__} ({ENGINE_VERSION})")
        raise typer.Exit(0)


@app.callback()
def _root(
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print errors only."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Print every skipped input and more detail."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks of failures."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """Arabic quotation attribution and stance dataset builder.

    Start with [bold]quotes build[/bold] (extract, stance, Label Studio tasks, Hugging Face
    dataset and a report from the articles in data/), or [bold]quotes extract[/bold].
    """
    State.quiet, State.verbose, State.debug = quiet, verbose, debug


def info(msg: str) -> None:
    if not State.quiet:
        err.print(msg)


def fail(msg: str, code: int = 2) -> None:
    """Print an error (with the traceback under --debug) and exit."""
    if State.debug:
        err.print(traceback.format_exc())
    err.print(f"[red]error:[/red] {msg}")
    raise typer.Exit(code)


def report_skipped(bad: list[BadInput]) -> None:
    if not bad:
        return
    shown = bad if (State.verbose or len(bad) <= 20) else bad[:20]
    for b in shown:
        err.print(f"[yellow]skipped[/yellow] {b}")
    if len(shown) < len(bad):
        err.print(f"… and {len(bad) - len(shown)} more skipped (--verbose lists all)")


def extract_to(inputs: list[Path], output: Path, documents: Path | None, targets: Path | None,
               stance: bool, id_field: str, text_field: str, label: str = "extract") -> dict:
    """Stream documents through the pipeline into JSONL files (atomic); return a summary."""
    lex = load_lexicon()
    model = load_stance_model() if stance else None
    if model is not None and targets is not None:
        model = model.with_targets(load_targets(targets))
    bad: list[BadInput] = []
    counts = {"documents": 0, "quotations": 0, "skipped": 0}
    by_type: dict[str, int] = {}
    t0 = time.perf_counter()
    with ExitStack() as stack:
        out = stack.enter_context(atomic_open(output))
        docs_out = stack.enter_context(atomic_open(documents)) if documents else None
        progress = stack.enter_context(Progress(label, enabled=not State.quiet))
        for item in read_documents(inputs, id_field=id_field, text_field=text_field):
            if isinstance(item, BadInput):
                bad.append(item)
                counts["skipped"] += 1
                if State.verbose:
                    err.print(f"[yellow]skipped[/yellow] {item}")
                progress.update(counts)
                continue
            quotes = annotate(item, lex, model)
            for q in quotes:
                out.write(dumps(q.to_dict()) + "\n")
                by_type[q.type] = by_type.get(q.type, 0) + 1
            if docs_out is not None:
                docs_out.write(dumps(item.to_dict()) + "\n")
            counts["documents"] += 1
            counts["quotations"] += len(quotes)
            progress.update(counts)
    if not State.verbose:
        report_skipped(bad)
    counts["seconds"] = round(time.perf_counter() - t0, 2)
    counts["by_type"] = by_type
    counts["bad"] = bad
    return counts


@app.command()
def extract(
    inputs: List[Path] = typer.Argument(..., help="Files or folders: .txt, .jsonl, SaudiNewsNet .json/.zip."),
    output: Path = typer.Option(..., "-o", "--output", help="Quotation records, one JSON a line."),
    documents: Optional[Path] = typer.Option(None, "--documents", help="Also write the documents (JSONL)."),
    targets: Optional[Path] = typer.Option(None, "--targets", help="YAML targets: judge stance toward them."),
    stance: bool = typer.Option(True, "--stance/--no-stance", help="Pre-label stance (default on)."),
    id_field: str = typer.Option("id", help="Id field of JSONL input."),
    text_field: str = typer.Option("text", help="Text field of JSONL input."),
) -> None:
    """Extract quotations (with stance pre-labels) into JSONL records.

    Examples:

      quotes extract data -o out/quotes.jsonl --documents out/documents.jsonl

      quotes extract ../shared/corpora/saudinewsnet -o snn.jsonl --targets examples/targets.yaml
    """
    try:
        summary = extract_to(inputs, output, documents, targets, stance, id_field, text_field)
    except (LexiconError, OSError) as exc:
        fail(str(exc))
    info(f"{summary['documents']} documents, {summary['quotations']} quotations, {summary['skipped']} skipped "
         f"in {summary['seconds']}s -> {output}")
    raise typer.Exit(1 if summary["skipped"] else 0)


@app.command("evaluate")
def evaluate_cmd(
    gold: Path = typer.Argument(..., help="Gold JSONL: one article a line with its quotes."),
    pred: Path = typer.Argument(..., help="Predicted quotation records (JSONL)."),
    baselines: bool = typer.Option(True, "--baselines/--no-baselines",
                                   help="Also score the majority class and a polarity-word count."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Score predictions against gold: quotes, speakers, cues, gender, type and stance
    (confusion matrix, per-label F1, macro-F1 against the baselines).

    Example: quotes evaluate ../shared/gold/seeds.jsonl out/quotes.jsonl
    """
    try:
        result = evaluate(gold, pred, load_stance_model() if baselines else None)
    except (EvaluationError, LexiconError) as exc:
        fail(str(exc))
    if as_json:
        flat = {k: v for k, v in result.items() if not hasattr(v, "confusion") and k != "majority_label"}
        for k in ("stance", "baseline_majority", "baseline_word_count"):
            if k in result:
                flat[k] = {"macro_f1": result[k].macro_f1, "accuracy": result[k].accuracy,
                           "confusion": result[k].confusion, "per_label": result[k].per_label}
        typer.echo(json.dumps(flat, ensure_ascii=False))
        return
    out = Console(highlight=False)
    t = Table(title=f"Quotations ({result['docs']} documents)")
    for col in ("gold", "pred", "matched", "precision", "recall", "f1", "attributed_f1", "speaker_acc",
                "cue_acc", "gender_acc", "type_acc"):
        t.add_column(col, justify="right")
    t.add_row(*(str(result[c]) for c in ("gold", "pred", "matched", "precision", "recall", "f1", "attributed_f1",
                                         "speaker_acc", "cue_acc", "gender_acc", "type_acc")))
    out.print(t)
    rep = result["stance"]
    cm = Table(title="Stance confusion (rows: gold, columns: predicted)")
    cm.add_column("gold \\ pred")
    for lab in (*rep.labels, "none"):
        cm.add_column(lab, justify="right")
    for g in rep.labels:
        cm.add_row(g, *(str(rep.confusion[g][p]) for p in (*rep.labels, "none")))
    out.print(cm)
    pl = Table(title="Stance per label")
    for col in ("label", "precision", "recall", "f1", "support"):
        pl.add_column(col, justify="right")
    for lab in rep.labels:
        d = rep.per_label[lab]
        pl.add_row(lab, str(d["precision"]), str(d["recall"]), str(d["f1"]), str(d["support"]))
    out.print(pl)
    cmp_ = Table(title="Stance macro-F1")
    cmp_.add_column("system")
    cmp_.add_column("macro-F1", justify="right")
    cmp_.add_column("accuracy", justify="right")
    cmp_.add_row("heuristic (this engine)", str(rep.macro_f1), str(rep.accuracy))
    if "baseline_majority" in result:
        cmp_.add_row(f"majority class ({result['majority_label']})", str(result["baseline_majority"].macro_f1),
                     str(result["baseline_majority"].accuracy))
        cmp_.add_row("polarity-word count", str(result["baseline_word_count"].macro_f1),
                     str(result["baseline_word_count"].accuracy))
    out.print(cmp_)


def _ratios(text: str) -> tuple[float, float, float]:
    try:
        parts = tuple(float(x) for x in text.split("/"))
    except ValueError:
        parts = ()
    if len(parts) != 3 or any(p < 0 for p in parts) or sum(parts) <= 0:
        raise typer.BadParameter("give three non-negative numbers like 80/10/10")
    total = sum(parts)
    return parts[0] / total, parts[1] / total, parts[2] / total  # type: ignore[return-value]


@app.command()
def publish(
    records: Path = typer.Argument(..., help="Quotation records (from extract, build or pull)."),
    documents: Path = typer.Option(..., "--documents", help="The documents the records point into (JSONL)."),
    output: Path = typer.Option(..., "-o", "--output", help="Dataset folder to write (replaced atomically)."),
    split: str = typer.Option("80/10/10", help="train/validation/test proportions."),
    push_to_hub: Optional[str] = typer.Option(None, "--push-to-hub", metavar="OWNER/NAME",
                                              help="Also upload the folder to the Hugging Face Hub."),
    private: bool = typer.Option(False, "--private", help="Create the Hub repository as private."),
    dry_run: bool = typer.Option(False, "--dry-run", help="With --push-to-hub: list what would be uploaded."),
) -> None:
    """Publish records as a Hugging Face dataset (configs [bold]quotes[/bold] and [bold]documents[/bold]).

    Example: quotes publish out/quotes.jsonl --documents out/documents.jsonl -o out/dataset

    Then: datasets.load_dataset("out/dataset", "quotes")
    """
    from annotation.hf_dataset import PublishError, build_dataset, upload

    try:
        stats = build_dataset(records, documents, output, _ratios(split))
    except PublishError as exc:
        fail(str(exc))
    info(f"dataset -> {output}: " + ", ".join(
        f"{s} {stats.documents[s]} documents / {stats.quotes[s]} quotations" for s in ("train", "validation", "test"))
        + f" ({stats.seconds}s)")
    if push_to_hub:
        try:
            files = upload(output, push_to_hub, private=private, dry_run=dry_run)
        except PublishError as exc:
            fail(str(exc))
        verb = "would upload" if dry_run else "uploaded"
        info(f"{verb} {len(files)} files to {push_to_hub}: " + ", ".join(files))


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except Exception as exc:  # a bug or an environment problem: one line, traceback on --debug
        if State.debug:
            err.print(traceback.format_exc())
        err.print(f"[red]error:[/red] {type(exc).__name__}: {exc} (run with --debug for the traceback)")
        sys.exit(2)
