"""The API's JSON encoder: the wire format json.dumps(ensure_ascii=False, default=str) had."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum

import numpy as np

from server.core.jsonutil import dumps, dumps_bytes, loads


class Kind(StrEnum):
    A = "a"


def test_the_wire_format_is_unchanged() -> None:
    value = {
        "text": '如皋市 "引号" \n',
        "when": datetime(2026, 12, 3, 8, 0, tzinfo=UTC),
        "day": date(2026, 12, 3),
        "money": Decimal("12.50"),
        "kind": Kind.A,
        7: [1, 2.5, None, True],
    }
    expected = json.loads(json.dumps(value, ensure_ascii=False, default=str))
    out = dumps(value)
    assert "如皋市" in out  # Chinese stays readable, not \\u-escaped
    assert loads(out) == expected
    assert loads(out)["when"] == "2026-12-03 08:00:00+00:00"  # str(), as before


def test_numpy_numbers_stay_numbers() -> None:
    out = loads(dumps({"score": np.float64(0.75), "n": np.int64(3)}))
    assert out == {"score": 0.75, "n": 3}


def test_bytes_are_the_text_encoded() -> None:
    """Response bodies go out as bytes: the same JSON, UTF-8 encoded."""
    value = {"标题": "稳岗返还", "when": date(2026, 12, 3), "n": np.int64(3)}
    assert dumps_bytes(value) == dumps(value).encode()
    assert "稳岗返还".encode() in dumps_bytes(value)
