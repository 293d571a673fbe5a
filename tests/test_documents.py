"""Reading documents: encodings, formats, and bad input that is reported, never fatal."""

from __future__ import annotations

import json
import zipfile

import pytest

from quotes.io.documents import BadInput, read_documents

ARTICLE = "قال الوزير إن المشروع اكتمل في موعده."


def read(paths, **kw):
    items = list(read_documents(paths, **kw))
    return [i for i in items if not isinstance(i, BadInput)], [i for i in items if isinstance(i, BadInput)]


def test_text_encodings(tmp_path):
    (tmp_path / "utf8.txt").write_bytes(ARTICLE.encode("utf-8"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    (tmp_path / "cp1256.txt").write_bytes(ARTICLE.encode("cp1256"))
    (tmp_path / "utf16.txt").write_bytes(ARTICLE.encode("utf-16"))
    docs, bad = read([tmp_path])
    assert bad == []
    assert {d.doc_id: d.text for d in docs} == {"bom": ARTICLE, "cp1256": ARTICLE, "utf16": ARTICLE, "utf8": ARTICLE}


def test_binary_and_empty_files_are_reported(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.txt").write_bytes(b"")
    docs, bad = read([tmp_path])
    assert [d.doc_id for d in docs] == ["a"]
    assert sorted((b.origin.split("/")[-1], b.message) for b in bad) == [
        ("bin.txt", "binary data (NUL bytes), not text"), ("empty.txt", "empty document")]


def test_jsonl_with_a_broken_line(tmp_path):
    p = tmp_path / "docs.jsonl"
    p.write_text("\n".join([json.dumps({"id": "a", "text": ARTICLE}, ensure_ascii=False), '{"id": "b", "text": ',
                            json.dumps({"id": "c", "text": ARTICLE}, ensure_ascii=False)]), encoding="utf-8")
    docs, bad = read([p])
    assert [d.doc_id for d in docs] == ["a", "c"]
    assert len(bad) == 1 and bad[0].origin == f"{p}:2" and bad[0].message.startswith("broken JSON")


def test_jsonl_field_names_are_configurable(tmp_path):
    p = tmp_path / "docs.jsonl"
    p.write_text(json.dumps({"key": "x1", "body": ARTICLE}, ensure_ascii=False) + "\n", encoding="utf-8")
    docs, bad = read([p], id_field="key", text_field="body")
    assert (docs[0].doc_id, docs[0].text, bad) == ("x1", ARTICLE, [])


def test_saudinewsnet_json_and_zip(tmp_path):
    day = [{"source": "okaz", "url": "http://x/1", "date_extracted": "2015-07-21", "title": "عنوان",
            "author": "", "content": ARTICLE},
           {"source": "okaz", "url": "http://x/2", "title": "بلا نص", "author": ""}]
    (tmp_path / "2015-07-21.json").write_text(json.dumps(day, ensure_ascii=False), encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "2015-07-22.zip", "w") as zf:
        zf.writestr("2015-07-22.json", json.dumps(day[:1], ensure_ascii=False))
    docs, bad = read([tmp_path])
    assert [(d.doc_id, d.source, d.title) for d in docs] == [
        ("snn:2015-07-21:0", "okaz", "عنوان"), ("snn:2015-07-22:0", "okaz", "عنوان")]
    assert [(b.origin.split("/")[-1], b.message) for b in bad] == [("2015-07-21.json[1]", "no 'text' field")]


def test_corrupted_zip_member_is_reported_and_others_read(tmp_path):
    p = tmp_path / "c.zip"
    with zipfile.ZipFile(p, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.txt", ARTICLE * 50)
        zf.writestr("b.txt", ARTICLE)
    data = bytearray(p.read_bytes())
    start = data.index(b"a.txt") + 5 + 10  # inside a.txt's compressed bytes
    data[start:start + 20] = b"\x00" * 20
    p.write_bytes(bytes(data))
    docs, bad = read([p])
    assert [d.doc_id for d in docs] == ["b"]
    assert len(bad) == 1 and bad[0].origin.endswith("c.zip!a.txt") and "corrupted" in bad[0].message


def test_missing_path_and_unsupported_type(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    docs, bad = read([tmp_path / "nope", tmp_path / "x.pdf"])
    assert docs == []
    assert [b.message for b in bad] == [
        "no such file or folder",
        "unsupported file type .pdf; expected .txt, .jsonl, .json, .zip, .jsonl.gz, .jsonl.bz2, .jsonl.xz, "
        ".json.gz, .json.bz2, .json.xz"]


GOOD_AR = "قال الوزير إن المشروع اكتمل في موعده."


@pytest.mark.parametrize("suffix, opener", [(".jsonl.gz", "gzip"), (".jsonl.bz2", "bz2"), (".jsonl.xz", "lzma"),
                                            (".json.gz", "gzip")])
def test_compressed_corpora_are_read_transparently(tmp_path, suffix, opener):
    import importlib

    module = importlib.import_module(opener)
    rows = [{"id": f"d{i}", "text": GOOD_AR} for i in range(3)]
    payload = ("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows) if suffix.startswith(".jsonl")
               else json.dumps(rows, ensure_ascii=False))
    path = tmp_path / f"corpus{suffix}"
    with module.open(path, "wb") as fh:
        fh.write(payload.encode("utf-8"))
    docs, bad = read([tmp_path])
    assert bad == []
    assert [d.doc_id for d in docs] == (["d0", "d1", "d2"] if suffix.startswith(".jsonl") else ["d0", "d1", "d2"])
    assert all(d.text == GOOD_AR for d in docs)
    if suffix.startswith(".jsonl"):
        assert docs[1].origin == f"{path}:2"


def test_utf16_without_a_bom_is_decoded(tmp_path):
    for encoding in ("utf-16-le", "utf-16-be"):
        p = tmp_path / f"{encoding}.txt"
        p.write_bytes(GOOD_AR.encode(encoding))
        docs, bad = read([p])
        assert bad == [] and docs[0].text == GOOD_AR


def test_an_archive_member_over_the_size_limit_is_skipped_by_its_declared_size(tmp_path):
    from dataclasses import replace

    from quotes.limits import load_limits

    z = tmp_path / "big.zip"
    with zipfile.ZipFile(z, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("spaces.txt", " " * 2_000_000)  # 2 MB of spaces: a few kB compressed
        zf.writestr("ok.txt", GOOD_AR)
    items = list(read_documents([z], limits=replace(load_limits(), max_file_bytes=1_000_000)))
    docs = [i for i in items if not isinstance(i, BadInput)]
    bad = [i for i in items if isinstance(i, BadInput)]
    assert [d.doc_id for d in docs] == ["ok"]
    assert str(bad[0]) == (f"{z}!spaces.txt: archive member of 2,000,000 bytes (declared) is over the limit of "
                           "1,000,000 bytes (max_file_bytes)")


def test_a_document_over_the_character_limit_is_skipped(tmp_path):
    from dataclasses import replace

    from quotes.limits import load_limits

    p = tmp_path / "long.txt"
    p.write_text(GOOD_AR * 100, encoding="utf-8")
    items = list(read_documents([p], limits=replace(load_limits(), max_document_chars=1000)))
    assert len(items) == 1 and isinstance(items[0], BadInput)
    assert "document long has 3,700 characters, over the limit of 1,000 (max_document_chars)" in str(items[0])


def test_a_limits_file_with_a_missing_key_names_the_file(tmp_path):
    from quotes.limits import LimitsError, load_limits

    p = tmp_path / "limits.yaml"
    p.write_text("time_budget_seconds: 5\n", encoding="utf-8")
    with pytest.raises(LimitsError, match=f"{p}: missing key 'time_budget_per_100k_chars'"):
        load_limits(str(p))


def test_a_line_separator_inside_a_jsonl_string_does_not_split_the_line(tmp_path):
    """ANT articles carry U+2028 and U+0085 inside their texts; only \\n ends a JSONL line."""
    row = json.dumps({"id": "a", "text": f"سطر أول\u2028سطر ثان\x85{GOOD_AR}"}, ensure_ascii=False)
    (tmp_path / "plain.jsonl").write_text(row + "\n", encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "z.zip", "w") as zf:
        zf.writestr("member.jsonl", (row.replace('"id": "a"', '"id": "b"') + "\n").encode("utf-8"))
    docs, bad = read([tmp_path])
    assert bad == [] and [d.doc_id for d in docs] == ["a", "b"]
