"""The dataset built from the whole of SaudiNewsNet has leak-free splits: no statement
(cluster), no identical content of six words or more, and no near duplicate of a compatible
speaker (exact all-pairs audit, independent of the LSH that builds the clusters) stands in
two splits. Before statement-grouped splits, 18.4% of validation and 16.8% of test
quotations had the very words of a training quotation."""

from __future__ import annotations

from collections import defaultdict

import pytest

from annotation.build import build_job
from annotation.dataset.splits import near_duplicate_leaks
from conftest import CORPUS, need_shared
from quotes.clusters import SpeakerCompatibility, content_words, load_cluster_settings
from quotes.lexicon import load_lexicon
from quotes.record import Quotation


@pytest.mark.slow
def test_the_full_saudinewsnet_build_has_no_exact_or_near_duplicate_across_splits(tmp_path):
    need_shared(CORPUS)
    done = build_job([CORPUS], tmp_path / "snn", workers=2)
    assert done.extract.documents > 30_000 and done.extract.clustered.duplicate_rate > 0.1
    by_split = _records_by_split(tmp_path / "snn" / "dataset")
    clusters, words = defaultdict(set), defaultdict(set)
    min_words = load_cluster_settings().min_words
    for split, records in by_split.items():
        for q in records:
            clusters[q.cluster_id].add(split)
            w = content_words(q.content)
            if len(w) >= min_words:
                words[" ".join(w)].add(split)
    assert sum(len(s) > 1 for s in clusters.values()) == 0
    assert sum(len(s) > 1 for s in words.values()) == 0
    pairs = [(q, split) for split, records in by_split.items() for q in records]
    assert near_duplicate_leaks(pairs, SpeakerCompatibility(load_lexicon())) == []
    assert done.dataset.repetition.clusters_across_splits == 0


def _records_by_split(dataset_dir) -> dict[str, list[Quotation]]:
    """The published quotations, loaded with ``datasets`` as a user would, by split."""
    from datasets import load_dataset

    ds = load_dataset(str(dataset_dir), "quotes")
    out = {}
    for split in ds:
        part = ds[split].select_columns(["id", "doc_id", "content", "cluster_id", "speaker_key"])
        out[split] = [Quotation(r["id"], r["doc_id"], "direct", r["content"], 0, 0, "", 0, 0, None, None, None, None,
                                "unknown", "", "", speaker_key=r["speaker_key"], cluster_id=r["cluster_id"])
                      for r in part]
    return out
