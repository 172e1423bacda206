"""Tests for server.search.analysis, server.search.snippets and the engine's text queries:
tokenization, snippets, and the key property — the engine finds exactly the documents that
contain the query — checked against a real Tantivy index."""

from __future__ import annotations

import functools
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import tantivy
from hypothesis import example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from server.core.errors import ValidationFailed
from server.search import query as qb
from server.search import service as search_service
from server.search.analysis import (
    MAX_WORD_CHARS,
    ParsedQuery,
    Segment,
    index_text,
    index_tokens,
    normalize,
    parse_query,
)
from server.search.phrases import NO_PHRASES, phrase_lookup
from server.search.schema import SCHEMA
from server.search.snippets import Highlighter, highlight, make_snippet
from tests.policies.search_helpers import build_engine, build_index, text_source

EXT_B = "\U00020000"  # 𠀀, CJK Ext-B
EXT_B2 = "\U0002a6a5"  # 𪚥

# --------------------------------------------------------------------------- tokenization


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("级", ["级"]),
        ("高龄", ["高龄", "龄"]),
        ("老年人优待证", ["老年", "年人", "人优", "优待", "待证", "证"]),
        ("5G基站", ["5", "g", "基", "基站", "站"]),  # leading unigram after a word
        ("15号文件", ["15", "号", "号文", "文件", "件"]),
        ("第3条，基本养老", ["第", "3", "条", "基本", "本养", "养老", "老"]),  # after Han: none
        ("v2 高龄", ["v", "2", "高", "高龄", "龄"]),  # separators between do not matter
        ("A级纳税人", ["a", "级", "级纳", "纳税", "税人", "人"]),
        ("郑民〔2016〕28号", ["郑民", "民", "2016", "28", "号"]),
        ("ＡＢＣ１２３", ["abc", "123"]),  # full-width → half-width, lowercased
        ("２０１６年", ["2016", "年"]),
        ("２０１６年度", ["2016", "年", "年度", "度"]),
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


def test_fast_tokenizer_agrees_with_tokenizing_the_normalized_text() -> None:
    """Most fields are tokenized without normalizing them first; on random mixtures of
    what normalization changes, composes, reorders or drops (full-width and upper-case
    forms, Hangul jamo, combining and Indic marks, ligatures, enclosed and compatibility
    forms, zero-width and astral characters) the tokens are those of the normalized text."""
    from server.search import analysis

    pool = (
        list("补贴企业社会保险号年度一丁")
        + list("５ＧｇＡＢ１２Gg0aZΣσς٣²①ⅰﬁ㎡㈱豈⼀〇")
        + ["\u1100", "\u1161", "\u11a8", "\uac00", "\u0301", "\u0327", "\u0ccc", "\u0cd5"]
        + ["\u0bc6", "\u0bbe", "\u200b", "\ufe0f", "\u00ad", "\U00020000", "\U0001d400"]
        + list("，。 -〔〕（）　a\n")
    )
    rng = random.Random(13)
    texts = ["".join(rng.choice(pool) for _ in range(rng.randint(0, 24))) for _ in range(6000)]
    tables = analysis._token_tables()
    fast = 0
    # In batches of different sizes: a text's tokens must not depend on its neighbours.
    for size in (1, 7, 1000):
        for start in range(0, len(texts), size):
            batch = texts[start : start + size]
            for text, (tokens, chars) in zip(batch, analysis.index_fields_many(batch), strict=True):
                assert (tokens, chars) == analysis._tokens_and_chars_normalized(text), text
                fast += not any(ord(c) > 0xFFFF or tables.unsafe[ord(c)] for c in text)
    assert fast > 3000  # the fast path was exercised, not only the general one


def test_batches_are_tokenized_in_bounded_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Texts are tokenized a bounded number of characters at a time (memory); where the
    chunks are cut changes nothing, and a text longer than a chunk is taken alone."""
    from server.search import analysis

    texts = [f"如皋市{i}号文件关于稳岗补贴的通知 A{i}级" * (i % 5) for i in range(40)]
    whole = analysis.index_fields_many(texts)
    passes: list[tuple[int, int]] = []
    real = analysis._index_fields_chunk

    def counted(chunk: list[str]) -> list[tuple[str, str]]:
        passes.append((len(chunk), sum(map(len, chunk))))
        return real(chunk)

    monkeypatch.setattr(analysis, "CHUNK_CHARS", 60)
    monkeypatch.setattr(analysis, "_index_fields_chunk", counted)
    assert analysis.index_fields_many(texts) == whole
    assert len(passes) > 10
    assert sum(n for n, _ in passes) == len(texts)
    assert all(chars <= 60 or n == 1 for n, chars in passes)


def test_long_words_are_truncated_identically() -> None:
    word = "a" * (MAX_WORD_CHARS + 50)
    assert index_tokens(word) == ["a" * MAX_WORD_CHARS]
    for n in (MAX_WORD_CHARS - 1, MAX_WORD_CHARS, MAX_WORD_CHARS + 1, 3 * MAX_WORD_CHARS):
        assert index_tokens(f"补贴{'b' * n}{'7' * n}x") == [
            "补贴",
            "贴",
            "b" * min(n, MAX_WORD_CHARS),
            "7" * min(n, MAX_WORD_CHARS),
            "x",
        ]
    assert parse_query(word).segments[0].tokens == ("a" * MAX_WORD_CHARS,)


# --------------------------------------------------------------------------- queries


def test_parse_query_segments() -> None:
    pq = parse_query("郑民〔2016〕28号")  # a document number: one phrase
    assert [(s.tokens, s.prefix, s.text) for s in pq.segments] == [
        (("郑民", "民", "2016", "28", "号"), False, "郑民〔2016〕28号")
    ]
    assert pq.highlight_terms == ("郑民〔2016〕28号", "2016", "28号", "28", "郑民", "号")
    assert parse_query("郑民（２０１６） 28号 补贴").segments[0].text == "郑民(2016)28号"
    pq = parse_query("郑民 2016 28号")  # three words: three segments
    assert [(s.tokens, s.prefix) for s in pq.segments] == [
        (("郑民",), False),
        (("2016",), False),
        (("28", "号"), False),  # after a word, one character is an exact token
    ]

    one = parse_query("级")
    assert [(s.tokens, s.prefix) for s in one.segments] == [(("级",), True)]
    long = parse_query("老年人优待证")
    assert [(s.tokens, s.prefix) for s in long.segments] == [
        (("老年", "年人", "人优", "优待", "待证"), False)
    ]
    assert parse_query("高龄").segments[0].tokens == ("高龄",)  # no terminal unigram
    mixed = parse_query("5G基站")
    assert [(s.tokens, s.prefix) for s in mixed.segments] == [(("5", "g", "基", "基站"), False)]
    assert mixed.highlight_terms == ("5g基站", "5g", "基站")
    # A CJK run followed by a word keeps its terminal unigram: it must end right there.
    assert parse_query("税人A").segments[0].tokens == ("税人", "人", "a")
    # Duplicate segments collapse.
    assert len(parse_query("高龄 高龄，高龄").segments) == 1


@hypothesis_settings(max_examples=300, deadline=None)
@given(
    q=st.text(alphabet="高龄补贴豈〇𠀀 ，a5〔〕号\u200bＡ", max_size=12),
    prefix_last=st.booleans(),
)
@example(q="稳岗返还", prefix_last=False)
@example(q="税", prefix_last=True)
@example(q="豈", prefix_last=False)  # a compatibility ideograph: normalized first
def test_parse_query_of_one_chinese_run_is_the_general_parse(q: str, prefix_last: bool) -> None:
    from server.search.analysis import _parse_normalized

    assert parse_query(q, prefix_last=prefix_last) == _parse_normalized(normalize(q), prefix_last)


@pytest.mark.parametrize("q", ["", "   ", "、，。！？", "【】《》", "\u200b"])
def test_empty_query(q: str) -> None:
    pq = parse_query(q)
    assert not pq
    assert pq.segments == ()
    with pytest.raises(ValidationFailed):
        search_service.parse(q, 64)


def test_prefix_last() -> None:
    assert parse_query("高龄 ab").segments[-1].prefix is False
    pq = parse_query("高龄 ab", prefix_last=True)
    assert pq.segments[-1] == Segment(("ab",), True, "ab")
    assert pq.segments[0].prefix is False
    # Only the very last word: a CJK ending is already a prefix/phrase, nothing changes.
    assert parse_query("ab 高龄", prefix_last=True) == parse_query("ab 高龄")
    assert parse_query("ab 高龄", prefix_last=True).segments[0].prefix is False


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
    # Characters already in the normalization cache take the same path as new ones: a
    # text that is character for character except for one expanding sign (㎡ → m2) or an
    # ignorable one (zero-width space) still places highlights on the original characters.
    pq = parse_query("面积 基站")
    for _ in range(2):
        assert highlight("面积90㎡以下，基\u200b站面积", pq) == (
            "<em>面积</em>90㎡以下，<em>基\u200b站</em><em>面积</em>"
        )


def test_chinese_terms_match_the_text_as_written_exactly_where_normalized_text_would() -> None:
    """Chinese-only highlight terms skip normalizing the text when nothing in it could
    change a match (the shortcut behind fast snippets); on random mixtures of full-width
    forms, compatibility ideographs (豈 → 豈), Kangxi radicals (⼀ → 一), enclosed forms (㈱),
    marks, zero-width characters and astral ideographs the matches are those found on the
    normalized text."""
    from server.search import snippets

    pool = (
        list("补贴企业一丁七社会保险养老株豈")
        + [chr(c) for c in range(0xFF01, 0xFF20)]  # full-width punctuation and digits
        + ["\uf900", "\uf901", "\u2f00", "\u2f01", "\u3231", "\u200b", "\u0301", "\U00020000"]
        + list("，。；：（）〔〕 abcABC123")
    )
    terms = ["补贴", "一丁", "社会保险", "株", "豈"]
    pq = ParsedQuery((), tuple(sorted(terms, key=lambda t: (-len(t), t))), frozenset())
    rng = random.Random(7)
    shortcuts = 0
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 16)))
        slow = snippets._norm_with_map(text)
        assert list(snippets.Highlighter.of(pq).matches(text)) == _matches_on_normalized(
            text, terms, slow
        )
        shortcuts += snippets._char_tables().unsafe.search(text) is None
    assert shortcuts > 300  # the shortcut was exercised, not only the general path


def _matches_on_normalized(
    text: str, terms: list[str], mapped: tuple[str, list[int] | None, list[int] | None]
) -> list[tuple[int, int, str]]:
    """Leftmost-longest matches of Chinese ``terms`` on the normalized text, in original
    coordinates (the reference the shortcut must agree with)."""
    ordered = sorted(terms, key=lambda t: (-len(t), t))
    return _leftmost(
        mapped, lambda norm, i: next((t for t in ordered if norm.startswith(t, i)), None)
    )


def _leftmost(
    mapped: tuple[str, list[int] | None, list[int] | None],
    hit_at: Callable[[str, int], str | None],
) -> list[tuple[int, int, str]]:
    """Non-overlapping leftmost matches on a normalized text (``hit_at`` names the term
    found at a position), in the original text's coordinates."""
    norm, starts, ends = mapped
    found: list[tuple[int, int, str]] = []
    i = last_end = 0
    while i < len(norm):
        hit = hit_at(norm, i)
        if hit is None:
            i += 1
            continue
        e = i + len(hit)
        s0, e0 = (i, e) if starts is None or ends is None else (starts[i], ends[e - 1])
        if s0 >= last_end:
            found.append((s0, e0, hit))
            last_end = e0
        i = e
    return found


def test_words_match_the_text_as_written_exactly_where_normalized_text_would() -> None:
    """Terms with letters and digits too (full-width, upper case, Kelvin sign, circled and
    superscript digits, roman numerals) are found in a text as written, whole words only
    and prefixes where open, exactly where the normalized text has them."""
    from server.search import snippets

    pool = (
        list("5g基站级纳税人号a1年度ab")
        + list("５ＧｇＡＢａｂ１２０Gg02AB\u212a\u2460\u00b2\u2170\u00e9")
        + ["\u3231", "\u200b", "\u0301", "\u33a1", "\uf900", "\U00020000"]
        + list("，。 -〔〕k")
    )
    queries = ("5G基站", "A级纳税人", "2020年度", "ab 1", "a", "g 号", "k1", "5g 5", "a1 a")
    rng = random.Random(11)
    direct = 0
    for q in queries:
        for prefix_last in (False, True):
            pq = parse_query(q, prefix_last=prefix_last)
            for _ in range(800):
                text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 14)))
                expected = _word_matches_on_normalized(text, pq)
                assert list(snippets.Highlighter.of(pq).matches(text)) == expected, (q, text)
                direct += snippets._char_tables().unsafe.search(text) is None
    assert direct > 2000  # the direct path was exercised, not only the general one


def test_a_new_query_compiles_a_small_pattern() -> None:
    """Every new set of highlight terms compiles its patterns (~0.5 ms); word checks are
    done per occurrence, not by classes of every letter and digit in the pattern, which
    took several milliseconds to compile for each new query with letters or digits."""
    from server.search import snippets

    pq = parse_query("A级纳税人 x86")
    m = snippets._matcher(pq.highlight_terms, pq.open_terms, pq.term_words)
    assert m is not None and m.grouped and m.checked
    assert len(m.direct.pattern) < 40 * len(pq.highlight_terms)


def _word_matches_on_normalized(text: str, pq: ParsedQuery) -> list[tuple[int, int, str]]:
    """The reference for terms of any kind: leftmost, longest-first matches on the
    normalized text whose letter or digit edges do not continue a word (unless the term
    is open), in original coordinates."""
    from server.search import analysis, snippets

    mapped = snippets._norm_with_map(text)
    norm = mapped[0]
    terms = [t for t in pq.highlight_terms if t]

    def word(ch: str) -> str:
        cls = analysis._char_class(ch)
        return cls if cls in (analysis._DIGIT, analysis._LETTER) else ""

    def fits(term: str, i: int) -> bool:
        e = i + len(term)
        if not norm.startswith(term, i):
            return False
        if word(term[0]) and i > 0 and analysis._char_class(norm[i - 1]) == word(term[0]):
            return False
        last = "" if term in pq.open_terms else word(term[-1])
        return not (last and e < len(norm) and analysis._char_class(norm[e]) == last)

    return _leftmost(mapped, lambda _, i: next((t for t in terms if fits(t, i)), None))


@pytest.mark.parametrize(
    ("words", "queries"),
    [
        (["高龄", "补贴", "申领", "高龄补贴", "甲乙", "丙"], ["高龄", "补贴", "申领", "丙"]),
        # Terms with letters and digits nest (5g基站, 5g, 基站) and have word checks.
        (
            ["5G基站", "5G", "基站", "A级", "a", "2023年", "甲", "，"],
            ["5G基站", "A级", "2023年", "甲"],
        ),
    ],
)
def test_snippet_window_is_the_first_with_the_most_distinct_terms(
    words: list[str], queries: list[str]
) -> None:
    """The window search reads matches lazily or counts their words first, and stops early;
    it chooses what trying every match as a window's start chooses (the most query words:
    the pieces of 5G基站 are one)."""
    rng = random.Random(5)
    for _ in range(1500):
        text = "".join(rng.choice(words) for _ in range(rng.randint(1, 60)))
        pq = parse_query(" ".join(rng.sample(queries, rng.randint(1, len(queries)))))
        width = rng.choice([4, 10, 30, 60])
        assert make_snippet(text, pq, width) == _reference_snippet(text, pq, width)


def _reference_snippet(text: str, pq: ParsedQuery, width: int) -> str:
    from server.search import snippets

    matches = list(snippets.Highlighter.of(pq).matches(text))
    word = dict(zip(pq.highlight_terms, pq.term_words, strict=True))
    n = len(text)
    start = 0
    if matches and n > width:
        lead = width // 5
        best = -1
        for s, _, _ in matches:
            ws = max(0, min(s - lead, n - width))
            held = {word[t] for ms, me, t in matches if ms >= ws and me <= ws + width}
            if len(held) > best:
                best, start = len(held), ws
    end = min(n, start + width)
    body = snippets._render(text, start, end, matches)
    return ("…" if start > 0 else "") + body + ("…" if end < n else "")


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


def test_a_snippet_shows_the_first_mention_of_a_word_or_its_synonym() -> None:
    """A word and its synonyms are one word: no later window is preferred for showing
    both spellings, while two words of the query are still shown together."""
    text = "社会保险" + "甲" * 80 + "社保与社会保险乙" + "丙" * 80
    social = [
        Segment(("社保",), False, "社保"),
        Segment(("社会", "会保", "保险"), False, "社会保险"),
    ]
    pq = search_service._highlight_terms(parse_query("社保"), [social])
    assert pq.highlight_terms == ("社会保险", "社保") and pq.term_words == (0, 0)
    assert make_snippet(text, pq, width=30).startswith("<em>社会保险</em>甲")
    two = search_service._highlight_terms(parse_query("社保 乙"), [social, []])
    assert two.term_words == (0, 0, 1)
    assert "<em>社会保险</em><em>乙</em>" in make_snippet(text, two, width=30)


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


@hypothesis_settings(max_examples=400, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(
            ["补贴", "税", "哈", "补", "贴", "<", "&", '"', " ", "\u3000", "，", "a", "\n"]
        )
        | st.text(alphabet="甲乙丙丁", min_size=1, max_size=30),
        max_size=60,
    ).map("".join),
    term=st.sampled_from(["补贴", "税", "补贴税", "哈哈", "哈哈哈"]),
    width=st.sampled_from([3, 7, 20, 60]),
)
@example(text="甲" * 30 + "补贴" + "乙" * 40 + "补贴", term="补贴", width=20)
@example(text="丁" * 9 + "哈" * 70, term="哈哈", width=20)
@example(text="<b>补贴</b>" * 3, term="补贴", width=7)
def test_one_chinese_term_is_marked_as_the_general_path_marks_it(
    text: str, term: str, width: int
) -> None:
    """One literal term takes ``str.find``/``str.replace``; a second term that never
    occurs sends the same query down the general path (matches, best window, render)."""
    one = ParsedQuery(parse_query(term).segments, (term,))
    general = ParsedQuery(one.segments, (term, "龘龘"))
    assert highlight(text, one) == highlight(text, general)
    assert make_snippet(text, one, width) == make_snippet(text, general, width)


@hypothesis_settings(max_examples=400, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(["高龄补贴", "补贴", "补", "贴", "税", "<", "&", '"', " ", "，", "a"])
        | st.text(alphabet="甲乙高龄", min_size=1, max_size=8),
        max_size=40,
    ).map("".join),
    terms=st.sets(st.sampled_from(["高龄补贴", "补贴", "贴补", "补", "高龄", "税"]), min_size=1),
)
@example(text="高龄补贴贴补<补>", terms={"高龄补贴", "补贴", "补"})
def test_chinese_terms_are_marked_in_c_as_the_general_path_marks_them(
    text: str, terms: set[str]
) -> None:
    """Chinese terms without word checks are marked by the regex engine in one call on the
    escaped text; the matches are those the general path renders."""
    from server.search import snippets

    pq = ParsedQuery((), tuple(sorted(terms, key=lambda t: (-len(t), t))))
    general = snippets._render(text, 0, len(text), list(snippets.Highlighter.of(pq).matches(text)))
    assert highlight(text, pq) == general


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
    "郑民〔2016〕29号",  # the same pieces in other document numbers
    "郑民〔2017〕28号",
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
    # Document numbers: one phrase, whatever the brackets (not three separate pieces).
    out += ["郑民〔2016〕28号", "郑民[2016]28号", "郑民（２０１６）２８号", "郑民〔2017〕29号"]
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


DOC_NUMBER = re.compile(r"[^\W\d_]+\s*[〔\[【〖(]\s*\d{4}\s*[〕\]】〗)]\s*\d+\s*号")


def _group_matcher(group: str | list[str], open_end: bool) -> re.Pattern[str] | str:
    """What a query segment means, spelled out without the tokenizer.

    A pure CJK segment is a plain substring. A segment with words is its runs in order,
    with only separators allowed between them, and words matched as whole tokens. A
    document number (given as its groups) is one segment: all its runs in order.
    """
    runs = (
        RUN.findall(group) if isinstance(group, str) else [r for g in group for r in RUN.findall(g)]
    )
    if not isinstance(group, str):
        group = "".join(group)
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
    groups: list[str | list[str]] = list(re.findall(f"[{TOKEN_CHARS}]+", _plain_norm(q)))
    if DOC_NUMBER.fullmatch(_plain_norm(q).strip()):
        groups = [[str(g) for g in groups]]
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


def _index(docs: tuple[tuple[str, str, str], ...], path: Path) -> tantivy.Index:
    sources = [text_source(pid, *doc) for pid, doc in enumerate(docs, start=1)]
    return build_index(path, sources)


@pytest.fixture(scope="module")
def engine_index(tmp_path_factory: pytest.TempPathFactory) -> tantivy.Index:
    return _index(_corpus(), tmp_path_factory.mktemp("engine"))


def _rows(index: tantivy.Index, pq: ParsedQuery, fields: tuple[str, ...]) -> set[int]:
    """The rows found for ``pq`` in ``fields`` as the engine searches (phrases of the
    tokens that pin them down), after checking the whole phrases find the same."""
    searcher = index.searcher()
    plans = phrase_lookup(
        lambda f, t: int(searcher.doc_freq(f, t)), searcher.num_docs, NO_PHRASES, {}
    )
    found = []
    for lookup in (plans, None):
        query = qb.guarded(lambda lookup=lookup: qb.text_query(list(pq.segments), fields, lookup))
        hits = searcher.search(query, 1000).hits
        found.append({int(searcher.doc(a).get_first("id")) for _, a in hits})
    assert found[0] == found[1], pq
    return found[0]


def test_engine_finds_exactly_the_documents_containing_the_query(
    engine_index: tantivy.Index,
) -> None:
    docs = _corpus()
    stats = Outcome()
    for q in _queries():
        pq = parse_query(q)
        if not pq:
            continue
        expected = _expected(q, (0, 1, 2), prefix_last=False)
        assert _rows(engine_index, pq, ("title", "summary", "body")) == expected, q
        title_expected = _expected(q, (0,), prefix_last=False)
        assert _rows(engine_index, pq, ("title",)) == title_expected, (q, "title")
        got = _rows(engine_index, pq, ("title", "body"))
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


def test_engine_prefix_last(engine_index: tantivy.Index) -> None:
    fields = ("title", "summary", "body")
    cases = ["a", "ab", "x", "2", "20", "高龄 a", "老年 ab", "5g基站 2", "x86", "abc"]
    for q in cases:
        pq = parse_query(q, prefix_last=True)
        expected = _expected(q, (0, 1, 2), prefix_last=True)
        assert _rows(engine_index, pq, fields) == expected, q
    # "ab" as a prefix also finds "abc"; as an exact word it does not.
    exact = _rows(engine_index, parse_query("ab"), fields)
    prefix = _rows(engine_index, parse_query("ab", prefix_last=True), fields)
    assert exact < prefix


def test_equal_scores_are_ranked_newest_first_then_by_highest_id(tmp_path: Path) -> None:
    """Policies that score the same come newest first, then highest id, on every page;
    others in score order."""
    from datetime import date

    from server.search.schema import PolicySource
    from server.search.service import SearchQuery, search_policies

    def source(pid: int, body: str, day: date) -> PolicySource:
        return PolicySource(
            pid, "通知", "", "x", day, "published", "both", "execution", "", body, ()
        )

    days = [date(2024, 1 + (pid * 7) % 12, 1 + pid % 28) for pid in range(1, 31)]
    sources = [source(pid, "高龄补贴", days[pid - 1]) for pid in range(1, 31)]
    sources += [source(31, "高龄补贴 高龄补贴 高龄补贴", date(2020, 1, 1))]  # scores higher
    engine = build_engine(tmp_path, sources)
    ids = []
    for page in (1, 2, 3, 4):
        query = SearchQuery(q="高龄补贴", page=page, page_size=8)
        ids += [item["id"] for item in search_policies(engine, query).items]
    tied = sorted(range(1, 31), key=lambda pid: (days[pid - 1], pid), reverse=True)
    assert ids == [31, *tied]


def test_bm25_ranks_title_hit_above_body_hit(tmp_path: Path) -> None:
    docs = (
        ("关于做好就业工作的通知", "各乡镇人民政府", "今年起发放高龄补贴，高龄补贴按月发放。"),
        ("高龄补贴发放办法", "各乡镇人民政府", "本办法自发布之日起施行。"),
    )
    index = _index(docs, tmp_path)
    searcher = index.searcher()
    for q in ("高龄补贴", "补"):  # one character ranks by BM25 too, not all alike
        query = qb.text_query(list(parse_query(q).segments))
        ranked = [int(searcher.doc(a).get_first("id")) for _, a in searcher.search(query, 10).hits]
        assert ranked == [2, 1], q
        scores = [s for s, _ in searcher.search(query, 10).hits]
        assert scores[0] > scores[1]


@pytest.mark.parametrize("expired_share", [0.0, 0.3, 0.8])
def test_status_filter_by_exclusion_finds_what_the_intersection_finds(
    tmp_path: Path, expired_share: float
) -> None:
    """With documents per status at hand the filter names the rarer status ("not expired"
    for "published"): same documents, same scores, same totals, browse too."""
    rng = random.Random(3)
    sources = [
        text_source(
            pid,
            _sentence(rng, 6),
            _sentence(rng, 10),
            _sentence(rng, 40),
            status="expired" if rng.random() < expired_share else "published",
            tags=(("topic", "a" if pid % 2 else "b"),),
        )
        for pid in range(1, 61)
    ]
    index = build_index(tmp_path, sources)
    searcher = index.searcher()
    counts = {s: int(searcher.doc_freq("status", s)) for s in ("published", "expired")}
    texts = [None] + [qb.text_query(list(parse_query(q).segments)) for q in ("的", "一是", "人")]
    for statuses in (["published"], ["expired"], ["published", "expired"], ["draft"]):
        for tags in ([], [["topic:a"]]):
            f = qb.Filters(statuses=statuses, tags_any=tags)
            for text in texts:
                plain = searcher.search(qb.combine(text, qb.filter_parts(f)), 100)
                named = searcher.search(qb.combine(text, qb.filter_parts(f, counts)), 100)
                assert named.count == plain.count
                assert [(s, a.doc) for s, a in named.hits] == [(s, a.doc) for s, a in plain.hits]
    if expired_share == 0.0:
        # Nothing to exclude: no filter at all (one would still cost a pass over postings).
        parts = qb.filter_parts(qb.Filters(statuses=["published"]), counts)
        assert parts.required == [] and parts.excluded == []


def test_character_fields() -> None:
    from server.search.analysis import index_fields

    assert index_fields("高龄ＡＢ〔2016〕郑") == ("高龄 龄 ab 2016 郑", "高 龄 郑")
    assert index_fields("5G") == ("5 g", "")


def test_engine_panics_become_rejections() -> None:
    # A phrase of one term makes the Rust side panic (PanicException, a BaseException).
    with pytest.raises(qb.QueryRejected):
        qb.guarded(lambda: tantivy.Query.phrase_query(SCHEMA, "title", ["x"]))
    # Hand-made segments with odd tokens never reach a panic through text_query.
    odd = ParsedQuery((Segment(('a"b', "c d"), False, "x"), Segment(("e",), True, "e")), ())
    qb.text_query(list(odd.segments))


def test_result_items_highlight_texts_that_must_be_normalized(tmp_path: Path) -> None:
    """The engine's document cache notes which stored texts are plain; one that is not (a
    zero-width space inside a word, a compatibility ideograph) is still highlighted where
    its normalized text matches, and a plain one as written."""
    from server.search import engine

    docs = (
        ("基\u200b站建设补助", "摘要", "今年起对基\u200b站建设给予补助。"),
        ("基站建设补助", "摘要", "今年起对基站建设给予补助，㈱豈。"),
        ("基站<建设>&补助", "摘要", "对基站建设给予补助。"),  # the cache notes what to escape
    )
    index = _index(docs, tmp_path)
    searcher = index.searcher()
    pq = parse_query("基站 豈")
    hits = searcher.search(qb.text_query(list(pq.segments[:1])), 10).hits
    found = engine._hits(searcher, {}, hits)
    assert {h.id: tuple(k.plain for k in h.known or ()) for h in found} == {
        1: (False, False),
        2: (True, False),
        3: (True, True),
    }
    items = {h.id: engine.list_item(h, Highlighter.of(pq)) for h in found}
    assert items[1]["title_highlighted"] == "<em>基\u200b站</em>建设补助"
    assert "对<em>基\u200b站</em>建设" in items[1]["snippet"]
    assert items[2]["title_highlighted"] == "<em>基站</em>建设补助"
    assert "对<em>基站</em>建设给予补助，㈱<em>豈</em>。" in items[2]["snippet"]
    assert items[3]["title_highlighted"] == "<em>基站</em>&lt;建设&gt;&amp;补助"
    assert items[3]["snippet"] == "对<em>基站</em>建设给予补助。"
