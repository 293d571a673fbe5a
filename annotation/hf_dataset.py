"""Publish quotation records as a Hugging Face dataset (hub layout, two configurations).

``DIR/quotes/<split>-00000-of-00001.parquet``: one row per quotation;
``DIR/documents/<split>-00000-of-00001.parquet``: one row per article with its spans;
``DIR/README.md``: the dataset card, whose YAML ``configs`` make
``datasets.load_dataset(DIR, "quotes")`` work offline and on the Hub alike.

Splits are grouped by document and stable: a document's split is derived from a hash of
its source and id, so it keeps its split when the corpus grows. Parquet files carry the
``datasets`` features (ClassLabels included) in their schema metadata.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import pyarrow as pa
import pyarrow.parquet as pq
import yaml
from datasets import ClassLabel, Features, List, Value

from quotes.record import GENDERS, QUOTE_TYPES, STANCES, Document, Quotation
from quotes.limits import Limits, load_limits
from quotes.io.outputs import StagedFolder
from quotes.schema import FieldKind, record_fields, score_keys
from quotes.run.parallel import OverBudget, time_budget
from quotes.io.recordsio import RecordError, check_labels, read_document_records, read_records
from quotes.version import ENGINE_VERSION, __version__

SPLITS = ("train", "validation", "test")
BATCH_ROWS = 2000
SNN_LICENSE = "cc-by-nc-sa-4.0"

SPAN = {
    "start": Value("int32"), "end": Value("int32"),
    "type": ClassLabel(names=list(QUOTE_TYPES)),
    "stance": ClassLabel(names=list(STANCES)),
    "speaker_gender": ClassLabel(names=list(GENDERS)),
    "cue_start": Value("int32"), "cue_end": Value("int32"),
    "speaker_start": Value("int32"), "speaker_end": Value("int32"),
    "speaker_name": Value("string"),
}

DATASET_COLUMNS = {  # beside the record's fields: agreement of human labels, and the article's metadata
    "annotator_count": Value("int32"), "agreement": Value("float32"),
    "source": Value("string"), "url": Value("string"), "date": Value("string"), "title": Value("string"),
}


def _dataset_feature(f: FieldKind) -> Any:
    """A record field as the published dataset stores it: labels as ClassLabel, offsets
    as int32, scores as float32 (compact; the JSONL keeps int64/float64 and strings)."""
    if f.kind == "label":
        return ClassLabel(names=list(f.labels))
    if f.kind == "strings":
        return List(Value("string"))
    if f.kind == "scores":
        return {k: Value("float32") for k in score_keys()}
    return Value({"string": "string", "offset": "int32", "int": "int64", "float": "float32", "bool": "bool"}[f.kind])


QUOTE_FEATURES = Features({**{f.name: _dataset_feature(f) for f in record_fields()}, **DATASET_COLUMNS})
LABEL_FIELDS = tuple(f for f in record_fields() if f.kind == "label")

DOCUMENT_FEATURES = Features({
    "doc_id": Value("string"),
    "text": Value("string"),
    "source": Value("string"),
    "url": Value("string"),
    "title": Value("string"),
    "date": Value("string"),
    "n_quotes": Value("int32"),
    "quotes": List(SPAN),
})


class PublishError(ValueError):
    """Input that cannot become a dataset; the message names the file and record."""


def split_of(doc_id: str, source: str | None = None, ratios: tuple[float, float, float] = (0.8, 0.1, 0.1)) -> str:
    """The stable split of a document: a hash of (source, doc_id) placed on [0, 1).

    The same document always gets the same split, whatever else is in the corpus, and
    each source is divided in the given proportions (in expectation).
    """
    h = hashlib.sha256(f"{source or ''}\x1f{doc_id}".encode("utf-8")).digest()
    u = int.from_bytes(h[:8], "big") / 2 ** 64
    if u < ratios[0]:
        return "train"
    if u < ratios[0] + ratios[1]:
        return "validation"
    return "test"


def _label_index(names: tuple[str, ...], value: str | None) -> int:
    return names.index(value) if value in names else -1


def quote_row(q: Quotation, doc: Document, annotator_count: int | None = None,
              agreement: float | None = None) -> dict[str, Any]:
    """A ``quotes`` row (labels as ClassLabel indices; -1 where a label is missing)."""
    row = q.to_dict()
    for f in LABEL_FIELDS:
        row[f.name] = _label_index(f.labels, row[f.name])
    row["annotator_count"] = annotator_count
    row["agreement"] = agreement
    row.update(source=doc.source, url=doc.url, date=doc.date, title=doc.title)
    return {k: row.get(k) for k in QUOTE_FEATURES}


def document_row(doc: Document, quotes: list[Quotation]) -> dict[str, Any]:
    spans = [{
        "start": q.content_start, "end": q.content_end,
        "type": _label_index(QUOTE_TYPES, q.type), "stance": _label_index(STANCES, q.stance),
        "speaker_gender": _label_index(GENDERS, q.speaker_gender),
        "cue_start": q.cue_start, "cue_end": q.cue_end,
        "speaker_start": q.speaker_start, "speaker_end": q.speaker_end, "speaker_name": q.speaker_name,
    } for q in sorted(quotes, key=lambda q: (q.content_start, q.cue_start))]
    return {"doc_id": doc.doc_id, "text": doc.text, "source": doc.source, "url": doc.url, "title": doc.title,
            "date": doc.date, "n_quotes": len(quotes), "quotes": spans}


class _ShardWriter:
    """Streams rows of one configuration into one parquet file per split."""

    def __init__(self, root: Path, config: str, features: Features):
        self.dir = root / config
        self.dir.mkdir(parents=True, exist_ok=True)
        self.schema = features.arrow_schema
        self.features = features
        self.buffers: dict[str, list[dict]] = {s: [] for s in SPLITS}
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.counts: Counter[str] = Counter()

    def path(self, split: str) -> Path:
        return self.dir / f"{split}-00000-of-00001.parquet"

    def add(self, split: str, row: dict) -> None:
        self.buffers[split].append(row)
        self.counts[split] += 1
        if len(self.buffers[split]) >= BATCH_ROWS:
            self._flush(split)

    def _flush(self, split: str) -> None:
        rows = self.buffers[split]
        if split not in self.writers:
            self.writers[split] = pq.ParquetWriter(self.path(split), self.schema, compression="zstd")
        if rows:
            self.writers[split].write_table(pa.Table.from_pylist(rows, schema=self.schema))
        self.buffers[split] = []

    def close(self) -> None:
        for split in SPLITS:
            if self.counts[split]:
                self._flush(split)
                self.writers[split].close()
            # an empty split gets no file: `datasets` refuses a split with no data

    def splits(self) -> list[str]:
        return [s for s in SPLITS if self.counts[s]]

    def num_bytes(self, split: str) -> int:
        return self.path(split).stat().st_size


@dataclass
class BuildStats:
    documents: Counter = field(default_factory=Counter)
    quotes: Counter = field(default_factory=Counter)
    labels: dict[str, dict[str, Counter]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(Counter)))
    sources: Counter = field(default_factory=Counter)
    label_sources: Counter = field(default_factory=Counter)
    engine_versions: Counter = field(default_factory=Counter)
    files: dict[str, dict[str, int]] = field(default_factory=dict)  # config -> split -> parquet bytes
    seconds: float = 0.0
    duplicates: list[str] = field(default_factory=list)  # documents skipped for a repeated id
    set_aside: Path | None = None  # where a forced-over old output was kept


def _group_records(records: Iterable[Quotation]) -> dict[str, list[Quotation]]:
    by_doc: dict[str, list[Quotation]] = defaultdict(list)
    for q in records:
        by_doc[q.doc_id].append(q)
    return by_doc


def _agreement(quotes: list[Quotation]) -> dict[str, tuple[int, float | None]]:
    """For human records: how many annotators marked the same content span, and the
    share of them that gave it the same stance as this record."""
    by_span: dict[tuple[int, int], list[Quotation]] = defaultdict(list)
    for q in quotes:
        if q.label_source == "human":
            by_span[(q.content_start, q.content_end)].append(q)
    out = {}
    for group in by_span.values():
        annotators = {q.annotator for q in group}
        for q in group:
            same = sum(1 for o in group if o.stance == q.stance)
            out[q.id] = (len(annotators), round(same / len(group), 4))
    return out


def build_dataset(records_path: Path, documents_path: Path, out_dir: Path,
                  ratios: tuple[float, float, float] = (0.8, 0.1, 0.1), force: bool = False) -> BuildStats:
    """Write the dataset folder as one unit (staged beside it, then swapped in).

    Raises :class:`PublishError` (naming the record) for unknown labels, spans that do
    not slice their document, records whose document is missing, and an input without
    documents; ``out_dir`` is then left as it was. A folder that is not an earlier dataset
    of ours is refused (:class:`quotes.io.outputs.OutputError`) unless ``force``.
    """
    t0 = time.perf_counter()
    try:
        by_doc = _group_records(read_records(records_path))
    except RecordError as exc:
        raise PublishError(str(exc)) from None
    staged = StagedFolder(out_dir, "dataset", force=force)
    with staged as tmp:
        stats = _write_dataset(by_doc, records_path, documents_path, tmp, ratios)
        stats.seconds = round(time.perf_counter() - t0, 2)
        stats.set_aside = staged.commit()
    return stats


def _write_dataset(by_doc: dict[str, list[Quotation]], records_path: Path, documents_path: Path, tmp: Path,
                   ratios: tuple[float, float, float]) -> BuildStats:
    stats = BuildStats()
    seen: set[str] = set()
    qw = _ShardWriter(tmp, "quotes", QUOTE_FEATURES)
    dw = _ShardWriter(tmp, "documents", DOCUMENT_FEATURES)
    try:
        for doc in read_document_records(documents_path, stats.duplicates):
            seen.add(doc.doc_id)
            quotes = by_doc.get(doc.doc_id, [])
            for q in quotes:
                problems = q.check_spans(doc.text) + check_labels(q)
                if problems:
                    raise PublishError(f"{records_path}: record {q.id!r}: {'; '.join(problems)}")
            split = split_of(doc.doc_id, doc.source, ratios)
            agree = _agreement(quotes)
            for q in sorted(quotes, key=lambda q: (q.content_start, q.cue_start, q.id)):
                count, share = agree.get(q.id, (None, None))
                qw.add(split, quote_row(q, doc, count, share))
                stats.quotes[split] += 1
                for name in ("type", "stance", "speaker_gender"):
                    stats.labels[split][name][getattr(q, name) or "none"] += 1
                stats.label_sources[q.label_source] += 1
                stats.engine_versions[q.engine_version] += 1
            dw.add(split, document_row(doc, quotes))
            stats.documents[split] += 1
            stats.sources[doc.source or "(none)"] += 1
    except RecordError as exc:
        raise PublishError(str(exc)) from None
    finally:
        qw.close()
        dw.close()
    if not seen:
        raise PublishError(f"{documents_path}: no documents; nothing was written")
    missing = sorted(set(by_doc) - seen)
    if missing:
        raise PublishError(f"{records_path}: {len(missing)} record group(s) name documents missing from "
                           f"{documents_path}, e.g. doc_id {missing[0]!r}")
    stats.files = {c: {s: w.num_bytes(s) for s in w.splits()} for c, w in (("quotes", qw), ("documents", dw))}
    (tmp / "README.md").write_text(dataset_card(stats, seen), encoding="utf-8")
    return stats


def _size_category(n: int) -> str:
    for limit, name in ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"),
                        (1_000_000, "100K<n<1M")):
        if n < limit:
            return name
    return "1M<n<10M"


def _table(rows: list[list[str]], header: list[str]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(map(str, r)) + " |" for r in rows]
    return "\n".join(lines)


def dataset_card(stats: BuildStats, doc_ids: set[str]) -> str:
    """The README.md of the dataset: YAML front matter, then the card."""
    from_snn = any(d.startswith("snn:") for d in doc_ids)
    n_quotes = sum(stats.quotes.values())
    meta = {
        "language": ["ar"],
        "license": SNN_LICENSE if from_snn else "other",
        "pretty_name": "Arabic news quotations: attribution and stance",
        "task_categories": ["text-classification", "token-classification"],
        "task_ids": ["named-entity-recognition", "sentiment-classification"],
        "tags": ["quotation-attribution", "stance", "arabic", "news", "reported-speech"],
        "size_categories": [_size_category(n_quotes)],
        "configs": [
            {"config_name": c, "data_files": [{"split": s, "path": f"{c}/{s}-*.parquet"} for s in stats.files[c]],
             **({"default": True} if c == "quotes" else {})}
            for c in ("quotes", "documents") if stats.files.get(c)
        ],
        "dataset_info": [
            {"config_name": c, "features": feats._to_yaml_list(),
             "splits": [{"name": s, "num_bytes": nbytes, "num_examples": counts[s]}
                        for s, nbytes in stats.files[c].items()]}
            for c, feats, counts in (("quotes", QUOTE_FEATURES, stats.quotes),
                                     ("documents", DOCUMENT_FEATURES, stats.documents)) if stats.files.get(c)
        ],
    }
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    split_rows = [[s, stats.documents[s], stats.quotes[s]] for s in SPLITS]
    dist = []
    for name, labels in (("type", QUOTE_TYPES), ("stance", STANCES), ("speaker_gender", GENDERS)):
        rows = [[lab, *(stats.labels[s][name][lab] for s in SPLITS)] for lab in (*labels, "none")
                if any(stats.labels[s][name][lab] for s in SPLITS)]
        dist.append(f"**{name}**\n\n" + _table(rows, ["label", *SPLITS]))
    versions = ", ".join(f"`{v}` ({n})" for v, n in stats.engine_versions.most_common())
    sources = ", ".join(f"{s} ({n})" for s, n in stats.sources.most_common(20))
    license_text = ("CC BY-NC-SA 4.0: the articles come from SaudiNewsNet (M. Alhagri, 2015); non-commercial "
                    "research use with attribution, derived data under the same license; each article stays "
                    "the property of its newspaper." if from_snn else
                    "The articles belong to their publishers; use them for research only.")
    return f"""---
{front}---

# Arabic news quotations: attribution and stance

Quotations from Arabic news articles: **who is quoted (speaker and gender), through which
cue, saying what (the exact span), and with which stance**. Built with the `arabic-quotes`
rule engine (`quotes build` / `quotes publish`), optionally reviewed by annotators in
Label Studio (`label_source = human`).

```python
from datasets import load_dataset
quotes = load_dataset("PATH_OR_HUB_ID", "quotes")        # one row per quotation
documents = load_dataset("PATH_OR_HUB_ID", "documents")  # one row per article, with spans
quotes["train"].features["stance"].int2str(quotes["train"][0]["stance"])
```

## Sizes

{_table(split_rows, ["split", "documents", "quotations"])}

Splits are grouped by article (no article is in two splits) and stable: an article's
split is a hash of its source and id (80/10/10 by default), so it keeps its split when
the corpus grows, and every source is divided in the same proportions. A split with no
rows is left out of a configuration.

## Label distributions per split

{chr(10).join(dist)}

## Fields (`quotes`)

- `id`, `doc_id`: the quotation (doc id + cue and content offsets) and its article.
- `type` (ClassLabel: direct, indirect, mixed), `content` with `content_start`/`content_end`:
  the reported words; offsets are Unicode code points into the article's `text` in the
  `documents` configuration, so `text[content_start:content_end] == content`.
- `cue`, `cue_start`, `cue_end`, `cue_lemma`: the reporting cue as written (clitics included).
- `speaker_mention` with `speaker_start`/`speaker_end` (null when the subject is implied),
  `speaker_name` (resolved to the fullest name in the article), `speaker_gender`
  (ClassLabel: male, female, unknown).
- `stance` (ClassLabel: favor, against, neutral; -1 when absent), `stance_score`,
  `stance_scores`, `stance_reason` (the lexicon entries and rules that fired), `target`.
- `rule`: the extraction rule that produced the quotation; `speaker_rule`: the
  speaker-resolution step that named the speaker (name, title-name, generic-first-mention,
  implied-sentence-subject, implied-previous-speaker, …); `engine_version`.
- `label_source` (ClassLabel: rule, human), `annotator`, `annotation_id`, `review_status`
  (accepted, edited, added, deleted), `edited_fields`, `annotation_created`/`annotation_updated`,
  `repaired` (a span moved to where its recorded text stands), `annotator_count`,
  `agreement` (share of annotators of the same span giving the same stance).
- `source`, `url`, `date`, `title`: the article's metadata.

`documents` holds `text` and metadata with a `quotes` list of spans (`start`, `end`,
`type`, `stance`, `speaker_gender`, cue and speaker offsets), ready for span or token
classification.

## Annotation guidelines in brief

A quotation is a stretch of text the article presents as something a source said, tied
to that source by a cue. `direct`: words inside quotation marks (one mark may be missing);
`indirect`: a reported clause after أن / إن / بأن with no marks; `mixed`: an indirect clause
containing a quoted fragment. Not quotations: titles, names and scare quotes with no
source, headlines, reports of actions, speech verbs with a noun-phrase object. The speaker
is resolved to the fullest name in the article; a channel that relays the words (a news
agency) is not the speaker. Stance is the speaker's position in the quotation: `favor`
(approval, support, optimism), `against` (criticism, rejection, denial, warning), `neutral`
(facts or plans); negation turns polarity.

## How it was built

- Engine and lexicon versions: {versions or "(none)"}.
- Label sources: {dict(stats.label_sources) or {}}.
- Sources: {sources or "(none)"}.
- Tool: arabic-quotes {__version__} (`{ENGINE_VERSION}`).

## Limitations

- Rule-based labels (`label_source = rule`) are pre-labels: the engine misses quotations
  without a known cue, and may attribute implied subjects to the wrong earlier speaker.
- Stance pre-labels come from a lexicon heuristic with negation; sarcasm, irony and
  stance carried by world knowledge are beyond it.
- Gender is grammatical agreement: institutions, plurals and undecidable cases are `unknown`.
- News text of 2015 Saudi newspapers (SaudiNewsNet) over-represents Saudi and Gulf
  sources and topics.

## License

{license_text}
"""


def records_from_dataset(directory: os.PathLike | str) -> list[dict[str, Any]]:
    """Load the ``quotes`` configuration back into record dicts (labels as names)."""
    from datasets import load_dataset

    ds = load_dataset(str(directory), "quotes")
    out = []
    for split in (s for s in SPLITS if s in ds):
        part = ds[split]
        feats = part.features
        for row in part:
            rec = dict(row)
            for name in (f.name for f in LABEL_FIELDS):
                rec[name] = feats[name].int2str(rec[name]) if rec[name] is not None and rec[name] >= 0 else None
            out.append(rec)
    return out


def hub_token() -> str | None:
    """The Hugging Face token (HF_TOKEN or the stored login), found without any network call."""
    from huggingface_hub import get_token

    return get_token()


def upload(directory: Path, repo_id: str, private: bool = False, dry_run: bool = False,
           limits: Limits | None = None) -> list[str]:
    """Upload the dataset folder to the Hub (token from HF_TOKEN or the standard login).

    Returns the files (relative paths) uploaded or, with ``dry_run``, that would be. The
    token is checked before any network call; every call has connect and read timeouts,
    creating the repository is tried ``hub_attempts`` times, and the whole upload stops
    with a clear :class:`PublishError` after ``hub_deadline_seconds`` (``limits.yaml``).
    """
    files = sorted(str(p.relative_to(directory)) for p in Path(directory).rglob("*")
                   if p.is_file() and not p.name.startswith("."))
    if dry_run:
        return files
    if not hub_token():
        raise PublishError("no Hugging Face token: set HF_TOKEN or run `hf auth login` (nothing was uploaded)")
    lim = limits or load_limits()
    from huggingface_hub import HfApi, get_session
    from huggingface_hub.errors import HfHubHTTPError

    session = get_session()  # the client every huggingface_hub call shares
    session.timeout = type(session.timeout)(lim.hub_read_timeout_seconds, connect=lim.hub_connect_timeout_seconds)
    api = HfApi()
    unreachable = f"nothing was uploaded to {repo_id} and {directory} is intact"
    try:
        with time_budget(lim.hub_deadline_seconds):
            _with_retries(lambda: api.create_repo(repo_id, repo_type="dataset", private=private, exist_ok=True),
                          lim.hub_attempts)
            api.upload_folder(folder_path=str(directory), repo_id=repo_id, repo_type="dataset",
                              commit_message=f"arabic-quotes {__version__}", ignore_patterns=[".*"])
    except OverBudget:
        raise PublishError(f"the Hugging Face Hub did not finish within {lim.hub_deadline_seconds:g} s "
                           f"(hub_deadline_seconds); {unreachable}") from None
    except HfHubHTTPError as exc:
        status = getattr(getattr(exc, "response", None), "status_code", None)
        if status in (401, 403):
            raise PublishError(f"the Hub refused the token ({status}): set HF_TOKEN or run `hf auth login`") from None
        raise PublishError(f"the Hub answered with an error ({status}); {directory} is intact") from None
    except Exception as exc:  # connection errors and timeouts (their classes differ across versions)
        if _is_network_error(exc):
            raise PublishError(f"cannot reach the Hugging Face Hub ({type(exc).__name__}); {unreachable}") from None
        raise
    return files


def _is_network_error(exc: BaseException) -> bool:
    name = type(exc).__name__.lower()
    return isinstance(exc, (OSError, ConnectionError, TimeoutError)) or any(
        w in name for w in ("connect", "timeout", "network", "protocol"))


def _with_retries(call: Callable[[], Any], attempts: int) -> Any:
    """Call again after a network error, ``attempts`` times in all (1 s, 2 s … between)."""
    for attempt in range(1, attempts + 1):
        try:
            return call()
        except Exception as exc:
            if attempt == attempts or not _is_network_error(exc):
                raise
            time.sleep(attempt)
