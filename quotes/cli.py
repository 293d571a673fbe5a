"""The ``quotes`` command line: one command, a subcommand per job.

Exit codes: 0 all good, 1 some inputs were skipped (each is listed), 2 usage error or a
failure that stopped the job (the message names the file and line; ``--debug`` shows the
traceback).
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from quotes.clusters import ClusterCounts
from quotes.evaluation import EvaluationError, evaluate
from quotes.io.documents import BadInput
from quotes.io.outputs import FolderLock, NothingProduced, OutputError, check_inputs, check_separate
from quotes.io.progress import Progress
from quotes.io.redact import RedactingStream, Redactor, userinfo_secrets, without_userinfo
from quotes.lexicon import LexiconError
from quotes.record import QUOTE_TYPES
from quotes.run.jobs import ExtractSummary, extract_job, failed_path
from quotes.run.parallel import Failed
from quotes.stance import load_stance_model
from quotes.version import ENGINE_VERSION, __version__

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode="rich",
                  pretty_exceptions_enable=False,
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="Arabic quotation attribution and stance dataset builder.")
redactor = Redactor()  # every secret the run is given is masked in all it prints
err = Console(file=RedactingStream(redactor), highlight=False, soft_wrap=True)


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


def say(tag: str, style: str, text: object) -> None:
    """One line on stderr: a coloured tag, then ``text`` as it is (never read as markup)."""
    err.print(f"[{style}]{tag}[/{style}] {escape(str(text))}")


def info(msg: str) -> None:
    if not State.quiet:
        err.print(msg, markup=False)


def fail(msg: str | BaseException, code: int = 2) -> None:
    """Print an error (with the traceback under --debug) and exit. An OS error we raised
    with our own message (no file name) is shown without its errno."""
    if State.debug:
        err.print(traceback.format_exc(), markup=False)
    if isinstance(msg, OSError) and msg.filename is None and msg.strerror:
        msg = msg.strerror
    say("error:", "red", msg)
    raise typer.Exit(code)


def report_skipped(bad: list[BadInput]) -> None:
    if not bad:
        return
    shown = bad if (State.verbose or len(bad) <= 20) else bad[:20]
    for b in shown:
        say("skipped", "yellow", b)
    if len(shown) < len(bad):
        err.print(f"… and {len(bad) - len(shown)} more skipped (--verbose lists all)")


class Reporter:
    """Prints a job's problems and progress: each skipped input under --verbose as it
    comes (else the first 20 at the end), each failed document at once."""

    def __init__(self, label: str):
        self.skipped: list[BadInput] = []
        self.progress = Progress(label, enabled=not State.quiet)

    def __enter__(self) -> "Reporter":
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(*exc)
        if not State.verbose:
            report_skipped(self.skipped)

    def problem(self, item: BadInput | Failed) -> None:
        if isinstance(item, BadInput):
            self.skipped.append(item)
            if State.verbose:
                say("skipped", "yellow", item)
            return
        say("failed", "red", item)
        if State.debug:
            err.print(item.trace, markup=False)

    def update(self, summary: ExtractSummary) -> None:
        self.progress.update(summary.counts)


def report_extraction(summary: ExtractSummary, failed_list: Path) -> None:
    """The lines every extracting command prints after the run."""
    if summary.failed:
        info(f"{len(summary.failed)} documents failed in the engine; their ids are in {failed_list}")
    if summary.surrogates_replaced:
        info(f"{summary.surrogates_replaced} lone surrogate(s) in the input replaced by U+FFFD")


@app.command()
def extract(
    inputs: List[Path] = typer.Argument(..., help="Files or folders: .txt, .jsonl, SaudiNewsNet .json/.zip."),
    output: Path = typer.Option(..., "-o", "--output", help="Quotation records, one JSON a line."),
    documents: Optional[Path] = typer.Option(None, "--documents", help="Also write the documents (JSONL)."),
    targets: Optional[Path] = typer.Option(None, "--targets", help="YAML targets: judge stance toward them."),
    stance: bool = typer.Option(True, "--stance/--no-stance", help="Pre-label stance (default on)."),
    clusters: bool = typer.Option(True, "--clusters/--no-clusters",
                                  help="Cluster the run's quotations: the same statement in several articles "
                                       "(cluster_id, cluster_size, cluster_documents; default on)."),
    id_field: str = typer.Option("id", help="Id field of JSONL input."),
    text_field: str = typer.Option("text", help="Text field of JSONL input."),
    workers: int = typer.Option(1, "--workers", "-j", min=1, help="Processes (output order is kept)."),
    engine: str = typer.Option("local", "--engine", help="local, or spark (PySpark; writes parquet to OUTPUT)."),
    force: bool = typer.Option(False, "--force", help="With --engine spark: write over a folder quotes did not "
                                                      "write (the old one is kept under another name)."),
) -> None:
    """Extract quotations (with stance pre-labels) into JSONL records.

    Examples:

      quotes extract data -o out/quotes.jsonl --documents out/documents.jsonl

      quotes extract ../shared/corpora/saudinewsnet -o snn.jsonl --targets examples/targets.yaml
    """
    try:
        check_inputs(inputs)
        check_separate(inputs, files=[p for p in (output, documents) if p is not None])
    except OutputError as exc:
        fail(exc)
    if engine == "spark":
        from quotes.run.spark import SparkUnavailable, extract_with_spark

        skipped: list[str] = []
        try:
            n = extract_with_spark(inputs, output, stance=stance, targets=targets, id_field=id_field,
                                   text_field=text_field, skipped=skipped, force=force, clusters=clusters)
        except (SparkUnavailable, LexiconError, OutputError, OSError) as exc:
            fail(exc)
        for line in skipped:
            say("skipped", "yellow", line)
        info(f"{n} quotations -> {output} (parquet, Spark)")
        raise typer.Exit(1 if skipped else 0)
    if engine != "local":
        raise typer.BadParameter("--engine is local or spark")
    try:
        with Reporter("extract") as reporter:
            summary = extract_job(inputs, output, documents, targets, stance, id_field, text_field, workers, clusters,
                                  on_problem=reporter.problem, on_progress=reporter.update)
    except NothingProduced as exc:
        fail(f"{exc}; {output} left as it was")
    except (LexiconError, OSError) as exc:
        fail(exc)
    report_extraction(summary, failed_path(output))
    rate = summary.documents / summary.seconds if summary.seconds else 0.0
    info(f"{summary.documents} documents, {summary.quotations} quotations, {len(summary.skipped)} skipped, "
         f"{len(summary.failed)} failed in {summary.seconds}s ({rate:,.0f} documents/s) -> {output}")
    if summary.clustered is not None:
        info(clusters_line(summary.clustered))
    raise typer.Exit(1 if summary.skipped or summary.failed else 0)


def clusters_line(c: ClusterCounts) -> str:
    """One line on how much of a run repeats itself."""
    return (f"{c.shared} quotations ({c.duplicate_rate:.1%}) belong to {c.clusters} statements found in two or more "
            f"articles ({c.exact} with the very same words)")


@app.command("evaluate")
def evaluate_cmd(
    gold: Path = typer.Argument(..., help="Gold JSONL: one article a line with its quotes."),
    pred: Path = typer.Argument(..., help="Predicted quotation records (JSONL)."),
    baselines: bool = typer.Option(True, "--baselines/--no-baselines",
                                   help="Also score the majority class and a polarity-word count."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Score predictions against gold (quotes, speakers, cues, gender, type, stance).

    Prints the quotation scores, the stance confusion matrix, per-label F1 and the
    macro-F1 against the majority-class and polarity-word-count baselines.

    Example: quotes evaluate ../shared/gold/seeds.jsonl out/quotes.jsonl
    """
    try:
        result = evaluate(gold, pred, load_stance_model() if baselines else None)
    except (EvaluationError, LexiconError) as exc:
        fail(exc)
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
    rel = Table(title=f"Stance scores: reliability (expected calibration error {result['stance_ece']})")
    for col in ("score", "mean predicted", "observed accuracy", "quotations"):
        rel.add_column(col, justify="right")
    for lo, hi, p, o, n in result["stance_reliability"]:
        rel.add_row(f"{lo:.1f}–{hi:.1f}", f"{p:.2f}", f"{o:.2f}", str(n))
    out.print(rel)
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


@app.command()
def build(
    inputs: List[Path] = typer.Argument(None, help="Files or folders (default: data/)."),
    out: Path = typer.Option(Path("out"), "-o", "--output", help="Output folder."),
    targets: Optional[Path] = typer.Option(None, "--targets", help="YAML targets for stance."),
    split: str = typer.Option("80/10/10", help="train/validation/test proportions of the dataset."),
    id_field: str = typer.Option("id", help="Id field of JSONL input."),
    text_field: str = typer.Option("text", help="Text field of JSONL input."),
    workers: int = typer.Option(1, "--workers", "-j", min=1, help="Processes (output order is kept)."),
    force: bool = typer.Option(False, "--force", help="Write into a folder quotes did not write; the old one is "
                                                      "kept under another name, never deleted."),
) -> None:
    """Build everything: records, Label Studio tasks, the dataset and a report.

    Writes OUT/quotes.jsonl, OUT/documents.jsonl, OUT/labelstudio/{label_config.xml,tasks.json},
    OUT/dataset/ and OUT/report.html, all staged beside OUT and swapped in as one unit (the
    same input gives the same bytes). Files you added to OUT since are kept; a folder that is
    not an earlier build is refused unless --force; one build at a time per folder.

    Examples:

      quotes build                       # the seed articles in data/ -> out/

      quotes build ../shared/corpora/saudinewsnet -o out/snn
    """
    from annotation.build import build_job
    from annotation.dataset import PublishError

    inputs = inputs or [Path("data")]
    try:
        with Reporter("build") as reporter:
            done = build_job(inputs, out, targets, _ratios(split), id_field, text_field, workers, force,
                             on_problem=reporter.problem, on_progress=reporter.update)
    except NothingProduced as exc:
        fail(f"{exc}; {out} left as it was")
    except (OutputError, LexiconError, PublishError, OSError) as exc:
        fail(exc)
    if done.set_aside is not None:
        say("kept", "yellow", f"what was at {out} before as {done.set_aside}")
    summary, stats, paths = done.extract, done.dataset, done.outputs
    report_extraction(summary, paths.root / "failed.jsonl")
    if not State.quiet:
        t = Table(title=f"quotes build: {summary.documents} documents in {done.seconds:.1f}s")
        t.add_column("what")
        t.add_column("count", justify="right")
        t.add_row("documents", str(summary.documents))
        t.add_row("skipped inputs", str(len(summary.skipped)))
        t.add_row("failed documents", str(len(summary.failed)))
        t.add_row("quotations", str(summary.quotations))
        if summary.clustered is not None:
            t.add_row("  in statements of 2+ articles", f"{summary.clustered.shared} ({summary.clustered.duplicate_rate:.1%})")
        for k in QUOTE_TYPES:
            t.add_row(f"  {k}", str(summary.by_type.get(k, 0)))
        for s in ("train", "validation", "test"):
            t.add_row(f"dataset {s} (documents / quotations)", f"{stats.documents[s]} / {stats.quotes[s]}")
        err.print(t)
        o = Table(title="outputs", show_header=False)
        for name, p in (("records", paths.quotes), ("documents", paths.documents),
                        ("Label Studio config", paths.ls_config), ("Label Studio tasks", paths.ls_tasks),
                        ("Hugging Face dataset", paths.dataset), ("report", paths.report)):
            o.add_row(name, escape(str(p)))
        err.print(o)
    raise typer.Exit(1 if summary.skipped or summary.failed else 0)


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
    force: bool = typer.Option(False, "--force", help="Write over a folder or file quotes did not write; the old "
                                                      "one is kept under another name, never deleted."),
) -> None:
    """Publish records as a Hugging Face dataset (configs [bold]quotes[/bold] and [bold]documents[/bold]).

    The folder is staged beside OUTPUT and swapped in whole. OUTPUT may be new, empty or an
    earlier dataset of ours; anything else (a file, another folder) is refused unless --force.

    Example: quotes publish out/quotes.jsonl --documents out/documents.jsonl -o out/dataset

    Then: datasets.load_dataset("out/dataset", "quotes")
    """
    from annotation.dataset import PublishError, build_dataset, hub_token, upload

    try:
        check_inputs([records, documents])
        check_separate([records, documents], folders=[output])
        if push_to_hub and not dry_run and not hub_token():
            raise PublishError("no Hugging Face token: set HF_TOKEN or run `hf auth login` (nothing was written)")
        with FolderLock(output):
            stats = build_dataset(records, documents, output, _ratios(split), force=force)
    except (OutputError, PublishError, OSError) as exc:
        fail(exc)
    for line in stats.duplicates:
        say("skipped", "yellow", line)
    if stats.set_aside is not None:
        say("kept", "yellow", f"what was at {output} before as {stats.set_aside}")
    info(f"dataset -> {output}: " + ", ".join(
        f"{s} {stats.documents[s]} documents / {stats.quotes[s]} quotations" for s in ("train", "validation", "test"))
        + f" ({stats.seconds}s)")
    if push_to_hub:
        try:
            files = upload(output, push_to_hub, private=private, dry_run=dry_run)
        except PublishError as exc:
            fail(exc)
        verb = "would upload" if dry_run else "uploaded"
        info(f"{verb} {len(files)} files to {push_to_hub}: " + ", ".join(files))
    raise typer.Exit(1 if stats.duplicates else 0)


studio_app = typer.Typer(no_args_is_help=True, help="Run a local Label Studio server for annotators.")
app.add_typer(studio_app, name="studio")
DEFAULT_STUDIO_DIR = Path(".studio")
TOKEN_ENV = "LABEL_STUDIO_API_KEY"


def _token(flag: str | None, token_file: Path | None) -> str:
    """The API token: --token-file, --token, $LABEL_STUDIO_API_KEY, then the credentials a
    ``quotes studio start`` saved in .studio/. Every token is masked in all output."""
    import os

    from annotation.labelstudio.server import credentials_path, read_credentials

    token: str | None = None
    if token_file is not None:
        token = _read_token_file(token_file)
    elif flag:
        err.print("[yellow]warning:[/yellow] --token is visible to other users of this machine (ps); "
                  f"prefer {TOKEN_ENV} or --token-file")
        token = flag
    elif os.environ.get(TOKEN_ENV):
        token = os.environ[TOKEN_ENV]
    elif (saved := read_credentials(DEFAULT_STUDIO_DIR)) is not None:
        info(f"API token from {credentials_path(DEFAULT_STUDIO_DIR)}")
        token = saved.token
    if not token:
        fail(f"no API token: set {TOKEN_ENV}, pass --token-file, or start the server with `quotes studio start`")
    redactor.add(token)
    return token  # type: ignore[return-value]


def _read_token_file(path: Path) -> str:
    """A file holding the token alone, or the credentials.json of ``quotes studio start``."""
    try:
        text = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"{path}: cannot read the token file ({getattr(exc, 'strerror', None) or exc})")
    if text.startswith("{"):
        try:
            return str(json.loads(text)["token"])
        except (ValueError, KeyError, TypeError):
            fail(f"{path}: a JSON token file needs a \"token\" key")
    return text


@studio_app.command("start")
def studio_start(
    data_dir: Path = typer.Option(DEFAULT_STUDIO_DIR, "--data-dir", help="Where the server keeps its data."),
    port: int = typer.Option(8080, "--port", help="Port on 127.0.0.1 (must be free)."),
    username: str = typer.Option("annotator@localhost", "--username", help="The admin user's e-mail."),
) -> None:
    """Start Label Studio on 127.0.0.1 and wait until it is healthy.

    On the first start the API token and the password come from LABEL_STUDIO_API_KEY and
    LABEL_STUDIO_PASSWORD, or are generated; they are saved in DATA_DIR/credentials.json
    (readable by you only, like the whole folder) and reused by every later start.
    [bold]quotes studio credentials[/bold] shows them; push and pull find the token there.

    Example: quotes studio start --port 8080 && quotes push out/quotes.jsonl --documents out/documents.jsonl
    """
    import os

    from annotation.labelstudio.server import ServerError, credentials_path, prepare_credentials, start

    info(f"starting Label Studio from {data_dir} on 127.0.0.1:{port} (the first start migrates its database, ~30 s)")
    try:
        creds, notes = prepare_credentials(data_dir, username, os.environ.get("LABEL_STUDIO_PASSWORD"),
                                           os.environ.get(TOKEN_ENV))
        redactor.add(creds.token, creds.password)
        for note in notes:
            say("note:", "yellow", note)
        server = start(data_dir, port, creds.username, creds.password, creds.token)
    except ServerError as exc:
        fail(exc)
    typer.echo(f"Label Studio is up at {server.url} (pid {server.pid}); user {creds.username}")
    typer.echo(f"credentials: {credentials_path(data_dir)} (private to you); "
               "`quotes studio credentials` shows them, push and pull read the token from there")


@studio_app.command("credentials")
def studio_credentials(data_dir: Path = typer.Option(DEFAULT_STUDIO_DIR, "--data-dir")) -> None:
    """Show the user, password and API token the server of --data-dir was created with."""
    from annotation.labelstudio.server import credentials_path, read_credentials

    creds = read_credentials(data_dir)
    if creds is None:
        fail(f"no saved credentials in {credentials_path(data_dir)}; start the server first")
    typer.echo(f"user: {creds.username}\npassword: {creds.password}\n"
               f"API token: {creds.token}  (export {TOKEN_ENV}=… or pass --token-file {credentials_path(data_dir)})")


@studio_app.command("stop")
def studio_stop(data_dir: Path = typer.Option(DEFAULT_STUDIO_DIR, "--data-dir")) -> None:
    """Stop the server started from --data-dir (by its PID)."""
    from annotation.labelstudio.server import stop

    if stop(data_dir):
        info("Label Studio stopped")
    else:
        info(f"no server recorded in {data_dir}")


@studio_app.command("status")
def studio_status(data_dir: Path = typer.Option(DEFAULT_STUDIO_DIR, "--data-dir")) -> None:
    """Say whether the server of --data-dir runs and answers /health."""
    from annotation.labelstudio.server import status

    server, up = status(data_dir)
    if server is None:
        typer.echo(f"no server recorded in {data_dir}")
        raise typer.Exit(1)
    typer.echo(f"{server.url} pid {server.pid}: {'healthy' if up else 'not answering'}")
    raise typer.Exit(0 if up else 1)


@app.command()
def push(
    records: Path = typer.Argument(..., help="Quotation records with pre-labels (JSONL)."),
    documents: Path = typer.Option(..., "--documents", help="The articles (JSONL from extract/build)."),
    url: str = typer.Option("http://127.0.0.1:8080", "--url", help="Label Studio URL."),
    project: str = typer.Option("Arabic quotations", "--project", help="Project title (created if new)."),
    token: Optional[str] = typer.Option(None, "--token", help="API token (visible to other users: prefer "
                                                                f"${TOKEN_ENV} or --token-file)."),
    token_file: Optional[Path] = typer.Option(None, "--token-file", help="File holding the API token."),
    batch_size: int = typer.Option(500, "--batch-size", min=1, help="Tasks per import request."),
    order: str = typer.Option("uncertainty", "--order",
                              help="uncertainty: least certain articles first, one article per repeated "
                                   "statement before any second one; document: the order of the documents file."),
) -> None:
    """Push articles with their pre-labels as predictions (idempotent, resumable).

    New tasks are created, and so shown to annotators, in --order; each prediction's score is
    the article's extraction confidence, each stance choice's score its calibrated probability.

    Example: quotes push out/quotes.jsonl --documents out/documents.jsonl --project "Kremlin 2021"
    """
    if order not in ("uncertainty", "document"):
        raise typer.BadParameter("--order is uncertainty or document")
    from annotation.labelstudio.client import StudioError, connect, push as do_push
    from quotes.io.recordsio import RecordError

    try:
        redactor.add(*userinfo_secrets(url))
        client = connect(url, _token(token, token_file))
        report = do_push(client, records, documents, project, without_userinfo(url), batch_size=batch_size,
                         order=order)  # type: ignore[arg-type]
    except (StudioError, RecordError) as exc:
        fail(exc)
    for line in report.duplicates:
        say("skipped", "yellow", line)
    for line in report.failed:
        say("failed", "red", line)
    info(f"project {project!r} (id {report.project_id}): {report.documents} articles, "
         f"{report.tasks_created} tasks created, {report.predictions_added} predictions added, "
         f"{report.unchanged} already there, {len(report.duplicates)} skipped, {len(report.failed)} failed "
         f"({report.seconds}s)")
    raise typer.Exit(1 if report.failed or report.duplicates else 0)


@app.command()
def pull(
    url: str = typer.Option("http://127.0.0.1:8080", "--url", help="Label Studio URL."),
    project: str = typer.Option("Arabic quotations", "--project", help="Project title."),
    output: Path = typer.Option(..., "-o", "--output", help="Reviewed records (JSONL)."),
    token: Optional[str] = typer.Option(None, "--token", help="API token (visible to other users: prefer "
                                                                f"${TOKEN_ENV} or --token-file)."),
    token_file: Optional[Path] = typer.Option(None, "--token-file", help="File holding the API token."),
) -> None:
    """Pull every submitted annotation back as records (label_source human).

    The raw export is saved beside OUTPUT first (a new file each pull). Spans whose
    recorded text is elsewhere are repaired and marked; one that cannot be found is listed.
    A human stance on one member of a statement cluster is offered to its members in articles
    nobody annotated yet (label_source propagated, with the source annotation's id); clusters
    whose human labels disagree are listed in OUTPUT's .conflicts.jsonl instead.

    Example: quotes pull --project "Kremlin 2021" -o out/reviewed.jsonl
    """
    from annotation.labelstudio.client import StudioError, connect, pull as do_pull

    try:
        redactor.add(*userinfo_secrets(url))
        client = connect(url, _token(token, token_file))
        report = do_pull(client, project, output, without_userinfo(url))
    except StudioError as exc:
        fail(exc)
    for p in report.problems:
        say("span not found", "yellow", p)
    statuses = ", ".join(f"{k} {v}" for k, v in sorted(report.by_status.items()))
    info(f"{report.tasks} tasks, {report.annotations} annotations -> {report.records} records ({statuses}); "
         f"{report.repaired} spans repaired, {len(report.problems)} not found; raw export {report.raw_path}")
    info(f"{report.propagated} labels propagated to the same statement in articles not yet annotated")
    if report.conflicts:
        say("conflicts", "yellow", f"{len(report.conflicts)} statements with disagreeing human labels "
                                   f"(nothing propagated from them): {report.conflicts_path}")
    raise typer.Exit(1 if report.problems else 0)


@app.command("agreement")
def agreement_cmd(
    reviewed: Path = typer.Argument(..., help="Records pulled from Label Studio."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Inter-annotator agreement and how often annotators kept each pre-label.

    Span F1 between annotators, Cohen's kappa and Krippendorff's alpha for stance, type
    and gender, and the share of each pre-labelled field kept as predicted.

    Example: quotes agreement out/reviewed.jsonl
    """
    import dataclasses

    from annotation.agreement import FIELDS, PRELABEL_FIELDS, agreement
    from quotes.io.recordsio import RecordError, read_records

    try:
        rep = agreement(read_records(reviewed))
    except RecordError as exc:
        fail(exc)
    if as_json:
        typer.echo(json.dumps(dataclasses.asdict(rep), ensure_ascii=False, default=dict))
        return
    out = Console(highlight=False)
    t = Table(title=f"Inter-annotator agreement ({rep.documents} articles, {rep.annotators} annotators, "
                    f"{rep.pairs} pairs; span F1 {rep.span_f1})")
    for col in ("field", "Cohen's kappa", "Krippendorff's alpha"):
        t.add_column(col, justify="right")
    for f in FIELDS:
        t.add_row(f, str(rep.kappa[f]), str(rep.alpha[f]))
    out.print(t)
    p = Table(title=f"Pre-label quality (accepted as predicted: {rep.acceptance_rate}; "
                    + ", ".join(f"{k} {v}" for k, v in sorted(rep.statuses.items())) + ")")
    p.add_column("field")
    p.add_column("kept as predicted", justify="right")
    for f in PRELABEL_FIELDS:
        p.add_row(f, str(rep.field_acceptance[f]))
    out.print(p)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except Exception as exc:  # a bug or an environment problem: one line, traceback on --debug
        if State.debug:
            err.print(traceback.format_exc(), markup=False)
        say("error:", "red", f"{type(exc).__name__}: {exc} (run with --debug for the traceback)")
        sys.exit(2)
