"""The record-at-a-time JSON reader reads what json.loads reads, and fails where it fails."""

import io
import json
import random

import pytest

from relations_app import jsonio, jsonstream

STREAMED = set(jsonio.EXPORT_ORDER)


def rebuilt(data: bytes) -> dict:
    """The document as the reader hands it out, put back together."""
    document: dict = {}
    for key, item, value in jsonstream.read_top_level(io.BytesIO(data), STREAMED):
        if item:
            document.setdefault(key, []).append(value)
        else:
            document[key] = value
    return document


def loaded(data: bytes) -> dict:
    document = json.loads(data.decode("utf-8-sig"))
    return {k: v for k, v in document.items() if v != [] or k not in STREAMED}


@pytest.fixture(params=[7, 4096], ids=["7-byte reads", "4-KiB reads"])
def small_reads(request, monkeypatch):
    """Reads far smaller than a record, so that records, numbers and multi-byte characters
    (Constanţa, 東京) straddle the reads."""
    monkeypatch.setattr(jsonstream, "CHUNK", request.param)
    return request.param


def test_reads_the_brest_export_exactly(brest_db, small_reads):
    text = jsonio.dumps(jsonio.export_document())
    assert "Constanţa" in text
    for data in (
        text.encode(),
        b"\xef\xbb\xbf" + json.dumps(json.loads(text)).encode(),
    ):  # BOM, one line
        assert rebuilt(data) == loaded(data)


def test_corrupted_text_fails_at_the_same_line_and_column_as_json_loads(brest_db, small_reads):
    text = jsonio.dumps({**jsonio.export_document(), "events": []})[:60_000]
    rng = random.Random(7)
    checked = 0
    for _ in range(40):
        at = rng.randrange(1, len(text))
        damaged = rng.choice([text[:at], text[:at] + text[at + 1 :], text[:at] + "}" + text[at:]])
        try:
            json.loads(damaged)
        except json.JSONDecodeError as expected:
            with pytest.raises(jsonstream.JsonSyntaxError) as info:
                rebuilt(damaged.encode())
            assert (info.value.line, info.value.column) == (expected.lineno, expected.colno), (
                damaged[at - 40 : at + 40]
            )
            checked += 1
    assert checked >= 30


@pytest.mark.parametrize(
    ("text", "reason", "line", "column"),
    [
        ('{"partners": [{"id": "a"} {"id": "b"}]}', "virgule attendue", 1, 27),
        (
            '{\n  "partners": [\n    {"id": "a",}\n  ]\n}',
            "nom de clé entre guillemets attendu",
            3,
            16,
        ),
        ('{"format": "relations-app"', "virgule attendue", 1, 27),
        ('{"a": 1} {"b": 2}', "données après la fin du document", 1, 10),
        ("", "valeur attendue", 1, 1),
    ],
)
def test_reasons_are_in_french(text, reason, line, column):
    with pytest.raises(jsonstream.JsonSyntaxError) as info:
        rebuilt(text.encode())
    assert (info.value.reason, info.value.line, info.value.column) == (reason, line, column)


def test_invalid_utf8_is_reported_at_its_byte(small_reads):
    data = '{"partners": [{"name": "Béjaïa"}, {"name": "'.encode() + b"\xff" + b'"}]}'
    with pytest.raises(jsonstream.JsonEncodingError) as info:
        rebuilt(data)
    assert info.value.position == data.index(b"\xff")


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('{"partners": [' + "[" * 100_000 + "]" * 100_000 + "]}", 1, 15 + jsonstream.DEEP),
        ('{"a": 1,\n "office": ' + '{"k": ' * 100_000 + "}", 2, 12 + 6 * jsonstream.DEEP),
        ('{"partners": [' + '["x\\"[", ' * 100_000, 1, 15 + 9 * jsonstream.DEEP),
    ],
    ids=["array", "object", "strings with brackets"],
)
def test_nesting_too_deep_for_the_scanner_is_a_syntax_error(text, line, column):
    with pytest.raises(jsonstream.JsonSyntaxError) as info:
        rebuilt(text.encode())
    assert info.value.reason == jsonstream.TOO_DEEP
    assert (info.value.line, info.value.column) == (line, column)


def test_an_integer_too_long_to_convert_is_a_syntax_error():
    with pytest.raises(jsonstream.JsonSyntaxError) as info:
        rebuilt(b'{"partners": [{"population": ' + b"9" * 5000 + b"}]}")
    assert info.value.reason == jsonstream.TOO_LONG_NUMBER
    assert (info.value.line, info.value.column) == (1, 15)
