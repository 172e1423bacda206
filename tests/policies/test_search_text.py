"""Tests for server.policies.search_text: tokenization, literals, snippets, and the key
property — FTS5 (and, when available, PostgreSQL) find exactly the documents that contain
the query — checked against real engines."""

from __future__ import annotations

import functools
import os
import pwd
import random
import re
import shutil
import sqlite3
import subprocess
import tempfile
import unicodedata
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import pytest
import pytest_asyncio

from server.policies.search_text import (
    FTS5_TOKENIZE,
    MAX_TSVECTOR_BYTES,
    MAX_TSVECTOR_POSITION,
    MAX_WORD_CHARS,
    ParsedQuery,
    Segment,
    fts5_match,
    highlight,
    index_text,
    index_tokens,
    make_snippet,
    normalize,
    parse_query,
    tsquery_literal,
    tsvector_literal,
)

EXT_B = "\U00020000"  # 𠀀, CJK Ext-B
EXT_B2 = "\U0002a6a5"  # 𪚥

# --------------------------------------------------------------------------- tokenization


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("级", ["级"]),
        ("高龄", ["高龄", "龄"]),
        ("老年人优待证", ["老年", "年人", "人优", "优待", "待证", "证"]),
        ("5G基站", ["5", "g", "基站", "站"]),
        ("A级纳税人", ["a", "级纳", "纳税", "税人", "人"]),
        ("郑民〔2016〕28号", ["郑民", "民", "2016", "28", "号"]),
        ("ＡＢＣ１２３", ["abc", "123"]),  # full-width → half-width, lowercased
        ("２０１６年", ["2016", "年"]),
        ("x86 v2.0", ["x", "86", "v", "2", "0"]),
        ("、，。【】《》（）-/ \n\t", []),
        ("", []),
        (f"{EXT_B}{EXT_B2}字", [f"{EXT_B}{EXT_B2}", f"{EXT_B2}字", "字"]),
        ("二〇二三年", ["二〇", "〇二", "二三", "三年", "年"]),
        ("豈", ["豈"]),  # U+F900 compatibility ideograph, NFKC → U+8C48
        ("﨑玉", ["﨑玉", "玉"]),  # U+FA11 is a unified ideograph in the F900 block
        ("㈱①", ["株", "1"]),  # NFKC expansions
        ("《关于进一步做好稳就业工作的通知》", None),
        ("Café Straße", ["café", "straße"]),
        ("हिन्दी", ["हिन्दी"]),  # combining marks stay inside the word
        ("零\u200b宽", ["零宽", "宽"]),  # zero-width space is dropped
    ],
)
def test_index_tokens(text: str, tokens: list[str] | None) -> None:
    got = index_tokens(text)
    if tokens is None:
        run = "关于进一步做好稳就业工作的通知"
        tokens = [run[i : i + 2] for i in range(len(run) - 1)] + [run[-1]]
    assert got == tokens
    assert index_text(text) == " ".join(tokens)


def test_normalize() -> None:
    assert normalize("ＡＢＣ　１２３（测试）") == "abc 123(测试)"
    assert normalize("Hello") == "hello"
    assert normalize("豈") == "\u8c48"
    assert normalize("e\u0301") == "é"
    assert normalize("字\ufe00") == "字"  # variation selector dropped


def test_long_words_are_truncated_identically() -> None:
    word = "a" * (MAX_WORD_CHARS + 50)
    assert index_tokens(word) == ["a" * MAX_WORD_CHARS]
    assert parse_query(word).segments[0].tokens == ("a" * MAX_WORD_CHARS,)


# --------------------------------------------------------------------------- queries


def test_parse_query_segments() -> None:
    pq = parse_query("郑民〔2016〕28号")
    assert [(s.tokens, s.prefix) for s in pq.segments] == [
        (("郑民",), False),
        (("2016",), False),
        (("28", "号"), True),
    ]
    assert pq.highlight_terms == ("2016", "28号", "28", "郑民", "号")

    one = parse_query("级")
    assert [(s.tokens, s.prefix) for s in one.segments] == [(("级",), True)]
    long = parse_query("老年人优待证")
    assert [(s.tokens, s.prefix) for s in long.segments] == [
        (("老年", "年人", "人优", "优待", "待证"), False)
    ]
    assert parse_query("高龄").segments[0].tokens == ("高龄",)  # no terminal unigram
    mixed = parse_query("5G基站")
    assert [(s.tokens, s.prefix) for s in mixed.segments] == [(("5", "g", "基站"), False)]
    assert mixed.highlight_terms == ("5g基站", "5g", "基站")
    # A CJK run followed by a word keeps its terminal unigram: it must end right there.
    assert parse_query("税人A").segments[0].tokens == ("税人", "人", "a")
    # Duplicate segments collapse.
    assert len(parse_query("高龄 高龄，高龄").segments) == 1


@pytest.mark.parametrize("q", ["", "   ", "、，。！？", "【】《》", "\u200b"])
def test_empty_query(q: str) -> None:
    pq = parse_query(q)
    assert not pq
    assert pq.segments == ()
    with pytest.raises(ValueError):
        fts5_match(pq)
    with pytest.raises(ValueError):
        tsquery_literal(pq)


def test_prefix_last() -> None:
    assert parse_query("高龄 ab").segments[-1].prefix is False
    pq = parse_query("高龄 ab", prefix_last=True)
    assert pq.segments[-1] == Segment(("ab",), True, "ab")
    assert pq.segments[0].prefix is False
    # Only the very last word: a CJK ending is already a prefix/phrase, nothing changes.
    assert parse_query("ab 高龄", prefix_last=True) == parse_query("ab 高龄")
    assert parse_query("ab 高龄", prefix_last=True).segments[0].prefix is False


def test_fts5_match_syntax() -> None:
    pq = parse_query("郑民〔2016〕28号")
    assert fts5_match(pq) == '"郑民" AND "2016" AND "28 号" *'
    assert fts5_match(pq, ["title"]) == 'title : ("郑民" AND "2016" AND "28 号" *)'
    assert fts5_match(pq, ["title", "summary", "body"]) == (
        '{title summary body} : ("郑民" AND "2016" AND "28 号" *)'
    )
    assert fts5_match(parse_query("AND or NEAR")) == '"and" AND "or" AND "near"'
    with pytest.raises(ValueError):
        fts5_match(pq, ["title) OR (body"])
    with pytest.raises(ValueError):
        fts5_match(pq, ["ti tle"])


def test_fts5_match_escapes_quotes_in_handmade_queries() -> None:
    pq = ParsedQuery((Segment(('a"b',), False, 'a"b'),), ('a"b',))
    expr = fts5_match(pq)
    assert expr == '"a""b"'
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE VIRTUAL TABLE t USING fts5(body, tokenize='{FTS5_TOKENIZE}')")
    db.execute("INSERT INTO t VALUES ('a b')")
    assert db.execute("SELECT rowid FROM t WHERE t MATCH ?", (expr,)).fetchall() == [(1,)]
    with pytest.raises(ValueError):
        fts5_match(ParsedQuery((Segment(("a b",), False, "ab"),), ()))


def test_tsquery_literal() -> None:
    pq = parse_query("郑民〔2016〕28号 老年人")
    assert tsquery_literal(pq) == "'郑民' & '2016' & ('28' <-> '号':*) & ('老年' <-> '年人')"
    assert tsquery_literal(pq, "A") == (
        "'郑民':A & '2016':A & ('28':A <-> '号':*A) & ('老年':A <-> '年人':A)"
    )
    assert tsquery_literal(parse_query("级"), "ba") == "'级':*AB"
    with pytest.raises(ValueError):
        tsquery_literal(pq, "E")
    with pytest.raises(ValueError):
        tsquery_literal(pq, "")


def test_tsquery_literal_quoting() -> None:
    pq = ParsedQuery((Segment(("it's", "a\\b"), True, ""),), ())
    assert tsquery_literal(pq) == "('it''s' <-> 'a\\\\b':*)"


# --------------------------------------------------------------------------- tsvector


def _parse_tsvector(lit: str) -> dict[str, list[str]]:
    """Parse our (or PostgreSQL's) tsvector text output into {lexeme: ["1A", "7A", ...]}."""
    out: dict[str, list[str]] = {}
    for m in re.finditer(r"'((?:[^'\\]|''|\\.)*)'(?::([0-9A-D,]+))?", lit):
        lex = re.sub(r"\\(.)", r"\1", m.group(1).replace("''", "'"))
        out[lex] = m.group(2).split(",") if m.group(2) else []
    return out


def test_tsvector_layout_and_weights() -> None:
    lit = tsvector_literal([("A", "郑民〔2016〕28号"), ("B", "郑民 x"), ("C", ""), ("C", "号")])
    assert lit == "'郑民':1A,7B '民':2A,8B '2016':3A '28':4A '号':5A,11C 'x':9B"
    # Every field starts ≥ 2 positions after the previous one ends: phrases stay inside.
    assert tsvector_literal([("A", "高"), ("B", "龄")]) == "'高':1A '龄':3B"
    assert tsvector_literal([]) == ""
    assert tsvector_literal([("a", "x")]) == "'x':1A"
    with pytest.raises(ValueError):
        tsvector_literal([("E", "x")])
    with pytest.raises(ValueError):
        tsvector_literal([("AB", "x")])


def test_tsvector_long_text_is_clamped_like_postgres() -> None:
    body = " ".join(f"w{i}" for i in range(20000))
    parsed = _parse_tsvector(tsvector_literal([("A", "标题"), ("C", body)]))
    assert parsed["标题"] == ["1A"]
    assert parsed["w"] == ["4C", "6C", *[f"{p}C" for p in range(8, 8 + 2 * 254, 2)]]
    assert len(parsed["w"]) == 256  # PostgreSQL keeps at most 256 positions per lexeme
    assert parsed["0"] == ["5C"]
    # Tokens past the cap are all at the last position, but still searchable.
    assert parsed["19999"] == [f"{MAX_TSVECTOR_POSITION}C"]
    top = max(int(p[:-1]) for ps in parsed.values() for p in ps)
    assert top == MAX_TSVECTOR_POSITION
    # A clamped lexeme keeps one position, with its strongest weight.
    fields = [("C", "x " * 20000), ("A", "y z"), ("B", "z")]
    clamped = _parse_tsvector(tsvector_literal(fields))
    assert clamped["z"] == [f"{MAX_TSVECTOR_POSITION}A"]


def _pg_data_size(parsed: dict[str, list[str]]) -> int:
    size = 0
    for lex, ps in parsed.items():
        n = len(lex.encode())
        size += n + (n & 1) + (2 + 2 * len(ps) if ps else 0)
    return size


def _alpha(i: int) -> str:
    """A distinct all-letter word per integer (digits would be split off)."""
    out = ""
    while True:
        i, r = divmod(i, 26)
        out += chr(ord("a") + r)
        if i == 0:
            return "q" + out


@functools.cache
def _huge_body() -> str:
    return " ".join(_alpha(i) for i in range(120_000))


def test_tsvector_stays_under_postgres_size_limit() -> None:
    parsed = _parse_tsvector(tsvector_literal([("C", _huge_body())]))
    size = _pg_data_size(parsed)
    assert MAX_TSVECTOR_BYTES - 16 < size <= MAX_TSVECTOR_BYTES
    assert _alpha(0) in parsed
    assert _alpha(119_999) not in parsed


def test_tsvector_literal_quoting() -> None:
    # Our tokens never contain quotes; check the quoting rule through the tsquery path
    # (same quoting function) and that tsvector never emits an unescaped quote.
    lit = tsvector_literal([("A", "it's a\\b 'x'")])
    assert lit == "'it':1A 's':2A 'a':3A 'b':4A 'x':5A"


# --------------------------------------------------------------------------- snippets


def test_highlight_escapes_and_wraps() -> None:
    pq = parse_query("script 高龄")
    out = highlight("<script>alert('高龄')</script>", pq)
    assert out == (
        "&lt;<em>script</em>&gt;alert(&#x27;<em>高龄</em>&#x27;)&lt;/<em>script</em>&gt;"
    )
    assert "<script>" not in out


def test_highlight_shows_original_characters() -> None:
    pq = parse_query("5G基站 株 abc")
    assert highlight("５Ｇ基站建设，5G 基站，㈱ＡＢＣ", pq) == (
        "<em>５Ｇ基站</em>建设，<em>5G</em> <em>基站</em>，<em>㈱</em><em>ＡＢＣ</em>"
    )


def test_highlight_words_match_whole_tokens() -> None:
    assert highlight("a ab ba a1", parse_query("a")) == "<em>a</em> ab ba <em>a</em>1"
    assert highlight("ab abc", parse_query("ab", prefix_last=True)) == ("<em>ab</em> <em>ab</em>c")
    assert highlight("2016 20161", parse_query("2016")) == "<em>2016</em> 20161"


def test_highlight_no_terms() -> None:
    assert highlight("<b>", parse_query("")) == "&lt;b&gt;"
    assert highlight("", parse_query("高龄")) == ""


def test_snippet_window_and_ellipses() -> None:
    text = "甲" * 100 + "高龄补贴" + "乙" * 100
    out = make_snippet(text, parse_query("高龄补贴"), width=20)
    assert out.startswith("…") and out.endswith("…")
    assert "<em>高龄补贴</em>" in out
    assert len(out.replace("<em>", "").replace("</em>", "")) == 22
    # The match sits a little after the start of the window.
    assert out.index("<em>") - 1 == 4


def test_snippet_prefers_window_with_most_distinct_terms() -> None:
    text = "高龄" + "甲" * 80 + "补贴。" + "乙" * 80 + "高龄补贴申领" + "丙" * 80
    out = make_snippet(text, parse_query("高龄 补贴"), width=30)
    assert "<em>高龄</em><em>补贴</em>" in out


def test_snippet_fallback_and_escaping() -> None:
    text = "<script>alert(1)</script>" + "正文" * 50
    out = make_snippet(text, parse_query("不存在"), width=10)
    assert out == "&lt;script&gt;al…"
    short = make_snippet("  短 \n\n 文本 ", parse_query("文本"), width=60)
    assert short == "短 <em>文本</em>"
    with pytest.raises(ValueError):
        make_snippet("x", parse_query("x"), width=0)


def test_snippet_escapes_script_around_match() -> None:
    text = "前言" * 40 + "<script>稳岗补贴</script>" + "后记" * 40
    out = make_snippet(text, parse_query("稳岗补贴"), width=40)
    assert "&lt;script&gt;<em>稳岗补贴</em>&lt;/script&gt;" in out
    assert "<script>" not in out


# --------------------------------------------------------------------------- FTS5 tokenizer


def _fts5_instance_terms(tokenize: str, value: str) -> list[str]:
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE VIRTUAL TABLE t USING fts5(body, tokenize={tokenize!r})")
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    db.execute("INSERT INTO t VALUES (?)", (value,))
    return [r[0] for r in db.execute("SELECT term FROM v ORDER BY offset")]


def test_fts5_ascii_tokenizer_keeps_our_tokens_intact() -> None:
    text = f"郑民〔2016〕28号 5G基站 Café हिन्दी {EXT_B}{EXT_B2} 二〇二三 and OR near"
    tokens = index_tokens(text)
    assert _fts5_instance_terms(FTS5_TOKENIZE, index_text(text)) == tokens
    # unicode61 would mangle some of them (why we use ascii):
    assert _fts5_instance_terms("unicode61", index_text(text)) != tokens


def test_fts5_trigram_pitfall_and_our_fix() -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE tri USING fts5(body, tokenize='trigram')")
    db.execute("CREATE VIRTUAL TABLE ours USING fts5(body, tokenize='ascii')")
    db.execute("INSERT INTO tri VALUES ('关于发放高龄补贴的通知')")
    db.execute("INSERT INTO ours VALUES (?)", (index_text("关于发放高龄补贴的通知"),))
    assert db.execute("SELECT rowid FROM tri WHERE tri MATCH '高龄'").fetchall() == []
    got = db.execute(
        "SELECT rowid FROM ours WHERE ours MATCH ?", (fts5_match(parse_query("高龄")),)
    )
    assert got.fetchall() == [(1,)]


@pytest.mark.parametrize(
    ("doc", "query", "hit"),
    [
        ("哈哈", "哈哈哈", False),
        ("哈哈哈", "哈哈哈", True),
        ("哈哈哈哈", "哈哈哈", True),
        ("纳税人", "税人", True),
        ("纳税人", "纳税人员", False),
        ("纳税人", "人", True),
        ("纳税人", "纳", True),
        ("纳税人", "员", False),
        ("高龄\n补贴", "高龄补贴", False),  # runs never join across separators
        ("高龄\n补贴", "高龄 补贴", True),
        ("郑民〔2016〕28号", "28号", True),
        ("郑民〔2016〕28号", "2016", True),
        ("郑民〔2016〕28号", "201", False),  # words match whole tokens
        ("郑民〔2016〕28号", "郑民2016", True),  # separators between runs are ignored
        ("郑民〔2016〕28号", "民28", False),
        ("5G基站", "5g", True),
        ("5G基站", "g基站", True),
        ("5G基站", "5g站", False),
        ("25G基站", "5g", False),
        ("A级纳税人", "a级", True),
        ("BA级纳税人", "a级", False),
        ("等级a", "级a", True),
        ("等级别a", "级a", False),
        ("纳税人a", "税人a", True),
        ("税人员a", "税人a", False),
        (EXT_B + "字", EXT_B, True),
        ("豈", "\u8c48", True),  # compatibility ideograph normalized on both sides
        ("ＡＢＣ", "abc", True),
    ],
)
def test_fts5_edge_cases(doc: str, query: str, hit: bool) -> None:
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE VIRTUAL TABLE t USING fts5(body, tokenize='{FTS5_TOKENIZE}')")
    db.execute("INSERT INTO t VALUES (?)", (index_text(doc),))
    rows = db.execute("SELECT rowid FROM t WHERE t MATCH ?", (fts5_match(parse_query(query)),))
    assert bool(rows.fetchall()) is hit


# --------------------------------------------------------------------------- property test

COMMON = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也"
    "能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现"
    "实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表"
    "间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系"
    "军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资"
    "边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据"
    "处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收"
    "证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华"
    "名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持"
    "音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市"
    "克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专"
)
PHRASES = [
    "老年人优待证",
    "高龄补贴",
    "稳岗补贴",
    "社保费缓缴",
    "专精特新",
    "郑民〔2016〕28号",
    "郑民〔２０１６〕２８号",
    "5G基站",
    "５Ｇ 基站",
    "A级纳税人",
    "ａ级纳税人",
    "城乡居民医疗保险",
    "《关于进一步做好稳就业工作的通知》",
    "失业保险稳岗返还",
    "二〇二三年",
    "x86服务器",
    "abc",
    "ab",
    f"{EXT_B}字",
    "豈",
]
SEPARATORS = ["，", "。", "、", " ", "\n", "（", "）", "-", "/", "：", "；"]
FIELDS = ("title", "summary", "body")


def _sentence(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(COMMON) for _ in range(n))


def _field(rng: random.Random, parts: int, chars: tuple[int, int]) -> str:
    out: list[str] = []
    for _ in range(parts):
        if rng.random() < 0.35:
            out.append(rng.choice(PHRASES))
        else:
            out.append(_sentence(rng, rng.randint(*chars)))
        if rng.random() < 0.7:
            out.append(rng.choice(SEPARATORS))
    return "".join(out)


@functools.cache
def _corpus() -> tuple[tuple[str, str, str], ...]:
    rng = random.Random(20240607)
    docs = []
    for _ in range(200):
        docs.append(
            (
                _field(rng, rng.randint(1, 3), (2, 8)),
                _field(rng, rng.randint(1, 4), (3, 12)),
                _field(rng, rng.randint(3, 10), (4, 30)),
            )
        )
    return tuple(docs)


@functools.cache
def _queries() -> tuple[str, ...]:
    rng = random.Random(7)
    docs = _corpus()
    out: list[str] = []

    def substring(length: int) -> str:
        text = rng.choice(docs)[rng.randrange(3)]
        if len(text) <= length:
            return text
        start = rng.randrange(len(text) - length + 1)
        return text[start : start + length]

    for length in (1, 2, 3, 4, 6):
        out.extend(substring(length) for _ in range(40))
    out.extend(
        substring(rng.choice((2, 3))) + " " + substring(rng.choice((1, 2, 4))) for _ in range(30)
    )
    out.extend(_sentence(rng, rng.choice((2, 3, 4))) for _ in range(30))  # mostly absent
    out += ["龘", "龘龘", "高龄龘", "不存在的词", "zzz", "5g", "5G基站", "５Ｇ 基站", "g", "5"]
    out += ["A级纳税人", "a级", "级a", "税人a", "x86", "86服务", "2016", "28号", "郑民〔2016〕"]
    out += [
        "ab",
        "abc",
        "ａｂ",
        "老年人优待证 高龄补贴",
        "稳岗 补贴",
        EXT_B,
        f"{EXT_B}字",
        "豈",
        "〇",
    ]
    return tuple(out)


HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff\u3007"
TOKEN_CHARS = f"{HAN}a-z0-9"
RUN = re.compile(f"[{HAN}]+|[a-z]+|[0-9]+")


def _plain_norm(text: str) -> str:
    # Independent of the module: the test corpus needs nothing beyond NFKC + lowercase.
    return unicodedata.normalize("NFKC", text).lower()


def _group_matcher(group: str, open_end: bool) -> re.Pattern[str] | str:
    """What a query segment means, spelled out without the tokenizer.

    A pure CJK segment is a plain substring. A segment with words is its runs in order,
    with only separators allowed between them, and words matched as whole tokens.
    """
    runs = RUN.findall(group)
    if len(runs) == 1 and not runs[0][0].isascii():
        return group
    sep = f"[^{TOKEN_CHARS}]*"
    pat = sep.join(re.escape(r) for r in runs)
    first, last = runs[0], runs[-1]
    if first[0].isascii():
        pat = f"(?<![{'0-9' if first[0].isdigit() else 'a-z'}])" + pat
    if last[0].isascii() and not open_end:
        pat += f"(?![{'0-9' if last[0].isdigit() else 'a-z'}])"
    return re.compile(pat)


@functools.cache
def _norm_corpus() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(_plain_norm(f) for f in doc) for doc in _corpus())


def _expected(q: str, fields: tuple[int, ...], prefix_last: bool) -> set[int]:
    """Rows whose given fields contain every segment of ``q`` (each in some field)."""
    docs = _norm_corpus()
    groups = re.findall(f"[{TOKEN_CHARS}]+", _plain_norm(q))
    matchers = [
        _group_matcher(g, prefix_last and i == len(groups) - 1) for i, g in enumerate(groups)
    ]
    hits: set[int] = set()
    for rowid, doc in enumerate(docs, start=1):
        texts = [doc[f] for f in fields]
        if all(
            any((m in t) if isinstance(m, str) else m.search(t) for t in texts) for m in matchers
        ):
            hits.add(rowid)
    return hits


@dataclass
class Outcome:
    total: int = 0
    nonempty: int = 0
    partial: int = 0
    title_narrower: int = 0


@pytest.fixture(scope="module", params=["", ", prefix='1'"], ids=["plain", "prefix-index"])
def fts5_db(request: pytest.FixtureRequest) -> Iterator[sqlite3.Connection]:
    db = sqlite3.connect(":memory:")
    db.execute(
        f"CREATE VIRTUAL TABLE t USING fts5(title, summary, body, "
        f"tokenize='{FTS5_TOKENIZE}'{request.param})"
    )
    db.executemany(
        "INSERT INTO t(rowid, title, summary, body) VALUES (?, ?, ?, ?)",
        [(i, *(index_text(f) for f in doc)) for i, doc in enumerate(_corpus(), start=1)],
    )
    yield db
    db.close()


def _fts5_rows(db: sqlite3.Connection, expr: str) -> set[int]:
    return {r[0] for r in db.execute("SELECT rowid FROM t WHERE t MATCH ?", (expr,))}


def test_fts5_finds_exactly_the_documents_containing_the_query(
    fts5_db: sqlite3.Connection,
) -> None:
    docs = _corpus()
    stats = Outcome()
    for q in _queries():
        pq = parse_query(q)
        if not pq:
            continue
        expected = _expected(q, (0, 1, 2), prefix_last=False)
        assert _fts5_rows(fts5_db, fts5_match(pq)) == expected, (q, fts5_match(pq))
        title_expected = _expected(q, (0,), prefix_last=False)
        got = _fts5_rows(fts5_db, fts5_match(pq, ["title"]))
        assert got == title_expected, (q, "title")
        got = _fts5_rows(fts5_db, fts5_match(pq, ["title", "body"]))
        assert got == _expected(q, (0, 2), prefix_last=False), (q, "title+body")
        stats.total += 1
        stats.nonempty += bool(expected)
        stats.partial += 0 < len(expected) < len(docs)
        stats.title_narrower += title_expected < expected
    # The corpus and queries exercise the interesting cases, not just "all" or "none".
    assert stats.total >= 250
    assert stats.nonempty >= 0.6 * stats.total
    assert stats.total - stats.nonempty >= 30
    assert stats.partial >= 100
    assert stats.title_narrower >= 50


def test_fts5_prefix_last(fts5_db: sqlite3.Connection) -> None:
    cases = ["a", "ab", "x", "2", "20", "高龄 a", "老年 ab", "5g基站 2", "x86", "abc"]
    for q in cases:
        pq = parse_query(q, prefix_last=True)
        expected = _expected(q, (0, 1, 2), prefix_last=True)
        assert _fts5_rows(fts5_db, fts5_match(pq)) == expected, q
    # "ab" as a prefix also finds "abc"; as an exact word it does not.
    exact = _fts5_rows(fts5_db, fts5_match(parse_query("ab")))
    prefix = _fts5_rows(fts5_db, fts5_match(parse_query("ab", prefix_last=True)))
    assert exact < prefix


def test_fts5_bm25_ranks_title_hit_above_body_hit() -> None:
    db = sqlite3.connect(":memory:")
    db.execute(
        f"CREATE VIRTUAL TABLE t USING fts5(title, summary, body, tokenize='{FTS5_TOKENIZE}')"
    )
    rows = [
        (1, "关于做好就业工作的通知", "各乡镇人民政府", "今年起发放高龄补贴，高龄补贴按月发放。"),
        (2, "高龄补贴发放办法", "各乡镇人民政府", "本办法自发布之日起施行。"),
    ]
    db.executemany(
        "INSERT INTO t(rowid, title, summary, body) VALUES (?, ?, ?, ?)",
        [(r[0], *(index_text(f) for f in r[1:])) for r in rows],
    )
    expr = fts5_match(parse_query("高龄补贴"))
    ranked = [
        r[0]
        for r in db.execute(
            "SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t, 10.0, 4.0, 1.0)", (expr,)
        )
    ]
    assert ranked == [2, 1]
    # The weights matter: favouring the body flips the order.
    flipped = [
        r[0]
        for r in db.execute(
            "SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t, 1.0, 1.0, 10.0)", (expr,)
        )
    ]
    assert flipped == [1, 2]


# --------------------------------------------------------------------------- PostgreSQL

PG_BIN = Path("/usr/lib/postgresql/15/bin")
PG_PORT = 5432  # unix socket only, inside a private directory


@pytest.fixture(scope="module")
def pg_socket_dir() -> Iterator[str]:
    """A throwaway PostgreSQL 15 cluster listening on a unix socket only."""
    if not (PG_BIN / "initdb").exists():
        pytest.skip("PostgreSQL 15 binaries not installed")
    prefix: list[str] = []
    owner: pwd.struct_passwd | None = None
    if os.geteuid() == 0:  # initdb refuses to run as root
        runuser = shutil.which("runuser")
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            owner = None
        if runuser is None or owner is None:
            pytest.skip("running as root without runuser/postgres user")
        prefix = [runuser, "-u", "postgres", "--"]
    base = tempfile.mkdtemp(prefix="zwgk-pg-")
    if owner is not None:
        os.chown(base, owner.pw_uid, owner.pw_gid)
    data = os.path.join(base, "data")
    pg_ctl = str(PG_BIN / "pg_ctl")
    try:
        subprocess.run(
            [*prefix, str(PG_BIN / "initdb"), "-D", data, "-E", "UTF8", "--locale=C",
             "-A", "trust", "-U", "postgres", "--no-sync"],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip
        subprocess.run(
            [*prefix, pg_ctl, "-D", data, "-l", os.path.join(base, "log"), "-w", "-o",
             f"-k {base} -c listen_addresses='' -p {PG_PORT} -F", "start"],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        shutil.rmtree(base, ignore_errors=True)
        pytest.skip(f"could not start PostgreSQL: {exc}")
    try:
        yield base
    finally:
        subprocess.run(
            [*prefix, pg_ctl, "-D", data, "-m", "immediate", "-w", "stop"],
            capture_output=True, timeout=60,
        )  # fmt: skip
        shutil.rmtree(base, ignore_errors=True)


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def pg(pg_socket_dir: str) -> AsyncIterator[asyncpg.Connection]:
    conn = await asyncpg.connect(
        host=pg_socket_dir, port=PG_PORT, user="postgres", database="postgres"
    )
    await conn.execute("CREATE TABLE docs (id int PRIMARY KEY, tsv tsvector NOT NULL)")
    await conn.execute("CREATE INDEX docs_tsv ON docs USING gin (tsv)")
    await conn.executemany(
        "INSERT INTO docs VALUES ($1, $2::tsvector)",
        [
            (i, tsvector_literal(list(zip("ABC", doc, strict=True))))
            for i, doc in enumerate(_corpus(), start=1)
        ],
    )
    yield conn
    await conn.close()


async def _pg_rows(conn: asyncpg.Connection, query: str) -> set[int]:
    rows = await conn.fetch("SELECT id FROM docs WHERE tsv @@ $1::tsquery", query)
    return {r["id"] for r in rows}


async def test_postgres_finds_exactly_the_documents_containing_the_query(
    pg: asyncpg.Connection,
) -> None:
    checked = 0
    for q in _queries():
        pq = parse_query(q)
        if not pq:
            continue
        expected = _expected(q, (0, 1, 2), prefix_last=False)
        assert await _pg_rows(pg, tsquery_literal(pq)) == expected, (q, tsquery_literal(pq))
        title = await _pg_rows(pg, tsquery_literal(pq, "A"))
        assert title == _expected(q, (0,), prefix_last=False), (q, "A")
        ab = await _pg_rows(pg, tsquery_literal(pq, "AC"))
        assert ab == _expected(q, (0, 2), prefix_last=False), (q, "AC")
        checked += 1
    for q in ["a", "ab", "高龄 a", "5g基站 2"]:
        pq = parse_query(q, prefix_last=True)
        assert await _pg_rows(pg, tsquery_literal(pq)) == _expected(q, (0, 1, 2), True)
    assert checked >= 250


async def test_postgres_accepts_literals_as_is(pg: asyncpg.Connection) -> None:
    fetchval = pg.fetchval
    # Our clamping/deduplication matches PostgreSQL's own normalization of the literal.
    body = " ".join(f"w{i} 高龄补贴" for i in range(9000))
    for fields in (
        [("A", "郑民〔2016〕28号"), ("B", "it's a\\b"), ("C", body)],
        [("C", "x " * 20000), ("A", "y z"), ("B", "z")],
        [("C", _huge_body())],
    ):
        lit = tsvector_literal(fields)
        back = await fetchval("SELECT ($1::tsvector)::text", lit)
        assert _parse_tsvector(back) == _parse_tsvector(lit)
    # Quoting: lexemes with quotes and backslashes survive a round trip.
    pq = ParsedQuery((Segment(("it's", "a\\b"), True, ""),), ())
    assert await fetchval("SELECT $1::tsquery::text", tsquery_literal(pq)) == (
        "'it''s' <-> 'a\\\\b':*"
    )
    assert await fetchval(
        "SELECT $1::tsvector @@ $2::tsquery", "'it''s':1 'a\\\\bc':2", tsquery_literal(pq)
    )
    # Phrases never cross fields: "税人" + "a" are adjacent only without the field gap.
    query = tsquery_literal(parse_query("税人a"))
    one = tsvector_literal([("A", "税人a")])
    two = tsvector_literal([("A", "税人"), ("B", "a")])
    assert await fetchval("SELECT $1::tsvector @@ $2::tsquery", one, query)
    assert not await fetchval("SELECT $1::tsvector @@ $2::tsquery", two, query)
    assert await fetchval(
        "SELECT $1::tsvector @@ $2::tsquery", two, tsquery_literal(parse_query("税人 a"))
    )
