"""The ``quotes`` command line."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import List, Optional

import typer

from quotes.atomic import atomic_open, dumps
from quotes.documents import BadInput, read_documents
from quotes.engine import extract_quotations
from quotes.lexicon import load_lexicon
from quotes.version import ENGINE_VERSION, __version__

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode="rich",
                  help="Arabic quotation attribution and stance dataset builder.")


@app.callback()
def _root() -> None:
    """Arabic quotation attribution and stance dataset builder."""


def _err(msg: str) -> None:
    typer.echo(msg, err=True)


@app.command()
def extract(
    inputs: List[Path] = typer.Argument(..., help="Files or folders: .txt, .jsonl, SaudiNewsNet .json/.zip."),
    output: Path = typer.Option(..., "-o", "--output", help="Quotation records (JSONL)."),
    documents: Optional[Path] = typer.Option(None, "--documents", help="Also write the documents (JSONL)."),
    id_field: str = typer.Option("id", help="Id field of JSONL input."),
    text_field: str = typer.Option("text", help="Text field of JSONL input."),
) -> None:
    """Extract quotations from articles into JSONL records.

    Example: [bold]quotes extract data -o out/quotes.jsonl --documents out/documents.jsonl[/bold]
    """
    lex = load_lexicon()
    bad: list[BadInput] = []
    n_docs = n_quotes = 0
    t0 = time.perf_counter()
    with atomic_open(output) as out, (atomic_open(documents) if documents else _null()) as docs_out:
        for item in read_documents(inputs, id_field=id_field, text_field=text_field):
            if isinstance(item, BadInput):
                bad.append(item)
                _err(f"skipped {item}")
                continue
            n_docs += 1
            for q in extract_quotations(item, lex):
                out.write(dumps(q.to_dict()) + "\n")
                n_quotes += 1
            if docs_out is not None:
                docs_out.write(dumps(item.to_dict()) + "\n")
    dt = time.perf_counter() - t0
    _err(f"{n_docs} documents, {n_quotes} quotations, {len(bad)} skipped in {dt:.1f}s -> {output}")
    raise typer.Exit(1 if bad else 0)


class _null:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def main() -> None:
    app()
