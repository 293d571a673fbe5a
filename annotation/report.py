"""A self-contained HTML report of a build: charts as inline SVG, no network needed.

Quotations per source and type, top speakers with their stance split, the share of
female / male / unknown speakers, cue-verb frequencies, and a sample of quotations with
their cue, speaker and content highlighted (right to left, Arabic-friendly fonts).
"""

from __future__ import annotations

import hashlib
import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html import escape
from typing import Iterable

from quotes.calibration import Calibration
from quotes.record import GENDERS, QUOTE_TYPES, STANCES, Document, Quotation

COLORS = {"direct": "#2e86de", "indirect": "#10ac84", "mixed": "#f368e0",
          "favor": "#10ac84", "against": "#ee5253", "neutral": "#8395a7", "none": "#c8d6e5",
          "male": "#2e86de", "female": "#f368e0", "unknown": "#8395a7", "cue": "#ee5253"}
SAMPLE = 24
TOP = 15


@dataclass
class ReportData:
    documents: int = 0
    quotations: int = 0
    skipped: int = 0
    failed: int = 0
    by_source_type: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    by_speaker_stance: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    genders: Counter = field(default_factory=Counter)
    cues: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)
    stances: Counter = field(default_factory=Counter)
    rules: Counter = field(default_factory=Counter)
    sample: list[tuple[int, str, Quotation, str]] = field(default_factory=list)  # heap by -hash
    calibration: Calibration | None = None  # of the stance scores (reliability out of sample)
    repeated: dict[str, "Statement"] = field(default_factory=dict)  # clusters of two or more articles
    by_source_repeat: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def add_document(self, doc: Document, quotes: Iterable[Quotation]) -> None:
        self.documents += 1
        source = doc.source or "(no source)"
        for q in quotes:
            self.quotations += 1
            self.by_source_repeat[source]["quotations"] += 1
            if q.cluster_id is not None and (q.cluster_documents or 0) > 1:
                self.by_source_repeat[source]["shared"] += 1
                self.repeated.setdefault(q.cluster_id, Statement(q.content)).add(q, source)
            self.by_source_type[source][q.type] += 1
            self.by_speaker_stance[q.speaker_name or "(implied, unresolved)"][q.stance or "none"] += 1
            self.genders[q.speaker_gender] += 1
            self.cues[q.cue_lemma or q.cue] += 1
            self.types[q.type] += 1
            self.stances[q.stance or "none"] += 1
            self.rules[q.rule] += 1
            key = int(hashlib.sha256(q.id.encode()).hexdigest()[:12], 16)  # deterministic sample
            start, end = _window(q, doc.text)
            item = (-key, q.id, q, doc.text[start:end] + f"\x00{start}")
            if len(self.sample) < SAMPLE:
                heapq.heappush(self.sample, item)
            elif item > self.sample[0]:
                heapq.heapreplace(self.sample, item)


@dataclass
class Statement:
    """A statement found in several articles: its words (as first seen), who says it, where."""

    content: str
    quotations: int = 0
    speakers: Counter = field(default_factory=Counter)
    documents: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)

    def add(self, q: Quotation, source: str) -> None:
        self.quotations += 1
        self.speakers[q.speaker_name or "(implied, unresolved)"] += 1
        self.documents.add(q.doc_id)
        self.sources.add(source)


def _repetition(data: ReportData) -> str:
    """The most repeated statements and the share of each source's quotations that repeat."""
    if not data.repeated:
        return '<p class="empty">No statement appears in two or more articles.</p>'
    top = sorted(data.repeated.items(), key=lambda kv: (-len(kv[1].documents), -kv[1].quotations, kv[0]))[:TOP]
    rows = "\n".join(
        f'<tr><td class="quote">{escape(st.content[:160])}{"…" if len(st.content) > 160 else ""}</td>'
        f'<td>{escape(st.speakers.most_common(1)[0][0])}</td><td>{len(st.documents)}</td>'
        f'<td>{len(st.sources)}</td><td>{st.quotations}</td></tr>' for _, st in top)
    sources = sorted(data.by_source_repeat.items(), key=lambda kv: (-kv[1]["quotations"], kv[0]))[:TOP]
    rates = "\n".join(f'<tr><td>{escape(src)}</td><td>{c["quotations"]}</td>'
                      f'<td>{c["shared"] / c["quotations"]:.1%}</td></tr>' for src, c in sources if c["quotations"])
    return (f'<table class="stmts"><tr><th>statement</th><th>speaker</th><th>articles</th><th>outlets</th>'
            f'<th>quotations</th></tr>\n{rows}\n</table>\n<h3>Repeated quotations per source</h3>\n'
            f'<table class="rates"><tr><th>source</th><th>quotations</th><th>in a statement of 2+ articles</th></tr>'
            f'\n{rates}\n</table>')


def _window(q: Quotation, text: str) -> tuple[int, int]:
    starts = [q.content_start, q.cue_start] + ([q.speaker_start] if q.speaker_start is not None else [])
    ends = [q.content_end, q.cue_end] + ([q.speaker_end] if q.speaker_end is not None else [])
    return max(0, min(starts) - 60), min(len(text), max(ends) + 40)


def _bar_chart(rows: list[tuple[str, Counter]], keys: tuple[str, ...], title: str, width: int = 760) -> str:
    """Horizontal stacked bars (one row a label), as inline SVG."""
    if not rows:
        return f"<p class='empty'>{escape(title)}: nothing to show.</p>"
    label_w, bar_w, row_h = 230, width - 230 - 60, 24
    top = max(sum(c.values()) for _, c in rows) or 1
    h = row_h * len(rows) + 30
    parts = [f'<svg role="img" aria-label="{escape(title)}" width="{width}" height="{h}" direction="ltr" '
             f'viewBox="0 0 {width} {h}" xmlns="http://www.w3.org/2000/svg">']
    for i, (label, counts) in enumerate(rows):
        y = i * row_h + 4
        x = width - label_w  # labels on the right (right-to-left page)
        parts.append(f'<text x="{width - 4}" y="{y + 15}" text-anchor="end" class="lbl">{escape(label[:40])}</text>')
        for key in keys:
            n = counts.get(key, 0)
            if not n:
                continue
            w = max(1.0, bar_w * n / top)
            x -= w
            parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{row_h - 8}" fill="{COLORS.get(key, "#999")}">'
                         f'<title>{escape(label)}: {escape(key)} {n}</title></rect>')
        parts.append(f'<text x="{x - 6:.1f}" y="{y + 15}" text-anchor="end" class="num">{sum(counts.values())}</text>')
    legend_y = h - 8
    lx = width - 4
    for key in (keys if len(keys) > 1 else ()):
        parts.append(f'<rect x="{lx - 12}" y="{legend_y - 10}" width="12" height="12" fill="{COLORS.get(key, "#999")}"/>'
                     f'<text x="{lx - 16}" y="{legend_y}" text-anchor="end" class="leg">{escape(key)}</text>')
        lx -= 16 + 8 * len(key) + 28
    parts.append("</svg>")
    return "".join(parts)


def _share_chart(counts: Counter, keys: tuple[str, ...], title: str, width: int = 760) -> str:
    total = sum(counts.values())
    if not total:
        return f"<p class='empty'>{escape(title)}: nothing to show.</p>"
    parts = [f'<svg role="img" aria-label="{escape(title)}" width="{width}" height="60" viewBox="0 0 {width} 60" '
             f'direction="ltr" xmlns="http://www.w3.org/2000/svg">']
    x = float(width)
    for key in keys:
        n = counts.get(key, 0)
        if not n:
            continue
        w = width * n / total
        x -= w
        share = 100 * n / total
        parts.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="30" fill="{COLORS.get(key, "#999")}">'
                     f'<title>{escape(key)}: {n} ({share:.1f}%)</title></rect>')
        if w > 70:
            parts.append(f'<text x="{x + w / 2:.1f}" y="20" text-anchor="middle" class="inbar">{escape(key)} {share:.0f}%</text>')
    parts.append(f'<text x="{width}" y="52" text-anchor="end" class="leg">'
                 + escape(" · ".join(f"{k} {counts.get(k, 0)}" for k in keys)) + "</text></svg>")
    return "".join(parts)


def _reliability_chart(cal: Calibration | None, width: int = 760) -> str:
    """Predicted probability against observed accuracy by bin (out of sample), as SVG."""
    if cal is None or not cal.reliability:
        return "<p class='empty'>Stance scores are not calibrated (run scripts/calibrate_stance.py).</p>"
    h, base, bar = 170, 140, 22
    step = width / len(cal.reliability)
    parts = [f'<svg role="img" aria-label="Stance calibration" width="{width}" height="{h}" direction="ltr" '
             f'viewBox="0 0 {width} {h}" xmlns="http://www.w3.org/2000/svg">']
    for i, (lo, hi, predicted, observed, n) in enumerate(cal.reliability):
        x = i * step + step / 2 - bar
        for k, (value, color, what) in enumerate(((predicted, "#8395a7", "predicted"), (observed, "#10ac84", "observed"))):
            y = base - 120 * value
            parts.append(f'<rect x="{x + k * bar:.1f}" y="{y:.1f}" width="{bar - 2}" height="{base - y:.1f}" fill="{color}">'
                         f'<title>{lo:.1f}–{hi:.1f}: {what} {value:.2f} (n {n})</title></rect>')
        parts.append(f'<text x="{i * step + step / 2:.1f}" y="{base + 16}" text-anchor="middle" class="leg">'
                     f'{lo:.1f}–{hi:.1f} (n {n})</text>')
    parts.append(f'<text x="4" y="{h - 4}" class="leg">grey: predicted probability · green: observed accuracy · '
                 f'expected calibration error {cal.ece}</text></svg>')
    return "".join(parts)


def _highlight(q: Quotation, snippet: str) -> str:
    text, _, start_s = snippet.rpartition("\x00")
    base = int(start_s)
    marks = [(q.content_start, q.content_end, "content"), (q.cue_start, q.cue_end, "cue")]
    if q.speaker_start is not None and q.speaker_end is not None:
        marks.append((q.speaker_start, q.speaker_end, "speaker"))
    events = sorted({base, base + len(text), *(p for s, e, _ in marks for p in (s, e))})
    out = []
    for a, b in zip(events, events[1:]):
        if a < base or b > base + len(text):
            continue
        piece = escape(text[a - base:b - base])
        classes = [c for s, e, c in marks if s <= a and b <= e]
        out.append(f'<span class="{" ".join(classes)}">{piece}</span>' if classes else piece)
    return "".join(out)


def render(data: ReportData, title: str = "Quotations report") -> str:
    """The whole page (one HTML string, styles and charts inline)."""
    sources = sorted(data.by_source_type.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:TOP]
    speakers = sorted(data.by_speaker_stance.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:TOP]
    cues = [(c, Counter({"cue": n})) for c, n in sorted(data.cues.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]]
    sample = sorted(data.sample, key=lambda item: (item[2].doc_id, item[2].content_start))
    rows = "\n".join(
        f'<li><div class="meta">{escape(q.doc_id)} · {escape(q.type)} · {escape(q.stance or "—")} · '
        f'{escape(q.speaker_name or "—")} ({escape(q.speaker_gender)}) · <code>{escape(q.rule)}</code></div>'
        f'<p class="quote">…{_highlight(q, snip)}…</p>'
        + (f'<div class="reason" dir="auto">{escape(q.stance_reason)}</div>' if q.stance_reason else "") + "</li>"
        for _, _, q, snip in sample)
    summary = (f'<span id="n-documents">{data.documents}</span> documents · '
               f'<span id="n-quotations">{data.quotations}</span> quotations · '
               f'<span id="n-skipped">{data.skipped}</span> skipped · '
               f'<span id="n-failed">{data.failed}</span> failed')
    counts = " · ".join(f"{k}: {data.types.get(k, 0)}" for k in QUOTE_TYPES)
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>
body {{ font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif;
       margin: 2rem auto; max-width: 900px; color: #222; line-height: 1.7; padding: 0 1rem; }}
h1, h2, .summary {{ direction: ltr; text-align: left; }}
h1 {{ font-size: 1.6rem; margin-bottom: .2rem; }} h2 {{ font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }}
.summary {{ color: #555; }} svg text {{ font-size: 13px; font-family: inherit; fill: #333; unicode-bidi: plaintext; }}
svg .inbar {{ fill: #fff; font-weight: bold; }} .empty {{ color: #888; }}
ol.sample {{ padding-right: 1.2rem; }} ol.sample li {{ margin-bottom: 1rem; }}
.meta {{ font-size: .8rem; color: #666; direction: ltr; text-align: right; }}
.quote {{ margin: .2rem 0; }} .reason {{ font-size: .8rem; color: #555; }}
.content {{ background: #dfeefd; }} .cue {{ background: #fde2e2; font-weight: bold; }}
.speaker {{ background: #d7f5ea; text-decoration: underline; }}
.key span {{ padding: 0 .4rem; margin-left: .5rem; }}
table {{ border-collapse: collapse; width: 100%; font-size: .9rem; }} td, th {{ border-bottom: 1px solid #eee; padding: .2rem .4rem; }}
</style>
</head>
<body>
<h1>{escape(title)}</h1>
<p class="summary" dir="ltr">{summary}<br>{escape(counts)}</p>
<h2>Quotations per source and type</h2>
{_bar_chart(sources, QUOTE_TYPES, "Quotations per source and type")}
<h2>Top speakers and their stance</h2>
{_bar_chart(speakers, (*STANCES, "none"), "Top speakers and their stance")}
<h2>Speakers' gender</h2>
{_share_chart(data.genders, GENDERS, "Speakers' gender")}
<h2>Stance</h2>
{_share_chart(data.stances, (*STANCES, "none"), "Stance")}
<h2>Stance scores: calibration</h2>
{_reliability_chart(data.calibration)}
<h2>Repeated statements</h2>
<p class="summary">The same statement (a quotation cluster) in several articles: the most repeated ones.</p>
{_repetition(data)}
<h2>Cue verbs</h2>
{_bar_chart(cues, ("cue",), "Cue verbs")}
<h2>Sample of quotations</h2>
<p class="key"><span class="cue">cue</span><span class="speaker">speaker</span><span class="content">content</span></p>
<ol class="sample">
{rows}
</ol>
<script>
  // The page needs no script; this only marks that it rendered completely (used by tests).
  document.body.dataset.charts = String(document.querySelectorAll("svg").length);
  document.body.dataset.ready = "1";
</script>
</body>
</html>
"""
