"""Reading documents: encodings, formats, and bad input that is reported, never fatal."""

from __future__ import annotations

import json
import zipfile

from quotes.documents import BadInput, read_documents

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
    assert [b.message for b in bad] == ["no such file or folder", "unsupported file type .pdf; expected .txt, .jsonl, .json, .zip"]
