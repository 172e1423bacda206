"""Deterministic generator of synthetic, realistic-looking Chinese policies in the import format.

Each line of the output is one JSON object with every key of the ``zwgk import-policies``
contract. Bodies are 1–3 KB of UTF-8 (≈ 330–1000 Han characters) assembled from the sentences
in :mod:`bench.policy_vocab`, structured like a real 通知 (salutation, preamble, numbered
sections, closing clauses, signature and date). Document numbers are unique
(``皋政发〔2023〕123号``): each issuer numbers its documents of a year from 1.

The same ``(n, seed)`` always produces the same file, byte for byte.

Usage::

    python -m bench.gen_policies OUT.jsonl [--n 100000] [--seed 20240601] [--stats]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``bench`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import policy_vocab as V
from bench.queries import QUERY_MIX

__all__ = [
    "BODY_MAX_BYTES",
    "BODY_MIN_BYTES",
    "DEFAULT_SEED",
    "GenStats",
    "generate",
    "write_jsonl",
]

DEFAULT_SEED = 20240601
BODY_MIN_BYTES = 1024
BODY_MAX_BYTES = 3072

_FIRST_DAY = dt.date(2016, 1, 1)
_DAYS = (dt.date(2025, 12, 31) - _FIRST_DAY).days + 1
_NUMERALS = "一二三四五六七八九十"

# Issuing levels, weighted towards the county the mini-program serves.
_LEVEL_WEIGHTS = {"county": 70, "city": 14, "provincial": 8, "national": 8}
_CITY_OF_LEVEL = {"county": "如皋市", "city": "南通市", "provincial": "江苏省", "national": ""}
_REGIONS_OF_LEVEL: dict[str, list[str]] = {
    "county": ["320682"],
    "city": ["320600"],
    "provincial": [],
    "national": [],
}
_STAGES = ("decision", "execution", "management", "service", "result")
_STAGE_WEIGHTS = (15, 35, 15, 25, 10)
_AMOUNTS = (100, 150, 200, 300, 500, 600, 800, 1000, 1200, 1500, 2000, 3000, 5000)
_WAN = (1, 2, 3, 5, 8, 10, 20, 30, 50, 100)
_PCT = (5, 10, 15, 20, 30, 40, 50, 60, 70, 75, 80, 90)
_SMALL = (2, 3, 4, 5, 6, 8, 10, 12, 15, 20)
_SUMMARIES = (
    "{issuer}于{date}印发，明确了{subject}的支持对象、补贴标准、申报条件和办理流程。{lead}",
    "本文件对{subject}工作作出部署。{lead}",
    "为做好{subject}工作，{issuer}制定本文件。{lead}",
    "{lead}{subject}的具体办理事项详见正文。",
)


@dataclass
class GenStats:
    """What :func:`write_jsonl` wrote."""

    count: int = 0
    file_bytes: int = 0
    body_bytes_min: int = 0
    body_bytes_max: int = 0
    body_bytes_mean: float = 0.0
    seconds: float = 0.0
    #: A few document numbers spread over the corpus, for the query mix.
    sample_doc_numbers: list[str] = field(default_factory=list)
    #: Share of policies whose title, summary or body contains each query (``--stats``).
    hit_share: dict[str, float] = field(default_factory=dict)


def _fmt(sentence: str, ctx: dict[str, Any]) -> str:
    # Most sentences have no placeholder; skipping format_map keeps generation fast.
    return sentence.format_map(ctx) if "{" in sentence else sentence


def _cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


class _Generator:
    """Stateful generator: holds the RNG and the per-(issuer, year) document counters."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.counters: dict[tuple[str, int], int] = {}
        self.themes = V.THEMES
        self.theme_cum = list(itertools.accumulate(t.weight for t in self.themes))
        self.generic_pools = (V.CONDITIONS, V.MATERIALS, V.PROCEDURE, V.SAFEGUARDS)
        # Every theme must stay inside the topic codes both the contract and taxonomy accept.
        for theme in self.themes:
            bad = set(theme.topics) - V.BENCH_TOPIC_CODES
            if bad:
                raise ValueError(f"theme {theme.key} uses unsupported topic codes {bad}")

    def _issuer(self, theme: V.Theme) -> V.Issuer:
        rng = self.rng
        # Pick a level first so the corpus is mostly county documents, then an issuer of
        # the theme at that level (falling back to any issuer of the theme).
        level = rng.choices(list(_LEVEL_WEIGHTS), weights=list(_LEVEL_WEIGHTS.values()))[0]
        candidates = [c for c in theme.issuers if V.ISSUERS[c].level == level]
        return V.ISSUERS[rng.choice(candidates or list(theme.issuers))]

    def _doc_number(self, issuer: V.Issuer, year: int) -> str:
        key = (issuer.code, year)
        no = self.counters.get(key, 0) + 1
        self.counters[key] = no
        return issuer.doc_pattern.format(year=year, no=no)

    def policy(self, index: int) -> dict[str, Any]:
        """The ``index``-th policy (must be called with 0, 1, 2 … in order)."""
        rng = self.rng
        theme = rng.choices(self.themes, cum_weights=self.theme_cum)[0]
        subject = rng.choice(theme.subjects)
        issuer = self._issuer(theme)
        publish = _FIRST_DAY + dt.timedelta(days=rng.randrange(_DAYS))
        effective = publish + dt.timedelta(days=rng.choice((0, 0, 7, 15, 30)))
        expiry = (
            dt.date(effective.year + rng.choice((1, 2, 3, 5)), effective.month, 1)
            if rng.random() < 0.6
            else None
        )
        city = _CITY_OF_LEVEL[issuer.level]
        ctx: dict[str, Any] = {
            "amt": rng.choice(_AMOUNTS),
            "wan": rng.choice(_WAN),
            "pct": rng.choice(_PCT),
            "n": rng.choice(_SMALL),
            "year": publish.year + rng.choice((0, 1, 2)),
            "year2": publish.year + 2,
            "month": rng.randint(3, 10),
            "town": rng.choice(V.TOWNS),
            "city": city or "各地",
            "window": rng.randint(1, 60),
            "phone": f"{rng.randrange(10_000_000):07d}",
            "dept": issuer.name,
            "eff": _cn_date(effective),
            "exp": _cn_date(expiry) if expiry else "另行通知",
            "subject": subject.name,
            "issuer": issuer.name,
            "law": rng.choice(V.LAWS),
        }
        title = rng.choice(V.TITLE_PATTERNS).format(
            issuer=issuer.name,
            city=city,
            subject=subject.name,
            year=publish.year,
            year2=publish.year + 2,
        )
        body = self._body(theme, subject, ctx, publish, issuer)
        lead = _fmt(rng.choice(subject.sentences), ctx)
        summary = rng.choice(_SUMMARIES).format(
            issuer=issuer.name, date=_cn_date(publish), subject=subject.name, lead=lead
        )
        n_ind = min(len(theme.industries), rng.randint(1, 2))
        industries = sorted(rng.sample(theme.industries, k=n_ind)) if theme.industries else []
        n_cat = rng.randint(1, len(theme.categories))
        categories = sorted(rng.sample(theme.categories, k=n_cat))
        return {
            "external_id": f"bench-{index:07d}",
            "title": title,
            "doc_number": self._doc_number(issuer, publish.year),
            "issuer": issuer.name,
            "publish_date": publish.isoformat(),
            "effective_date": effective.isoformat() if rng.random() < 0.8 else None,
            "expiry_date": expiry.isoformat() if expiry else None,
            "status": "published",
            "audience": rng.choice(theme.audiences),
            "body": body,
            "summary": summary,
            "topics": list(theme.topics),
            "industries": industries,
            "stage": rng.choices(_STAGES, weights=_STAGE_WEIGHTS)[0],
            "categories": categories,
            "regions": list(_REGIONS_OF_LEVEL[issuer.level]),
            "illustrated": [],
            "glossary": [],
            "qa": [],
            "guide": None,
            "related": [],
        }

    def _body(
        self,
        theme: V.Theme,
        subject: V.Subject,
        ctx: dict[str, Any],
        publish: dt.date,
        issuer: V.Issuer,
    ) -> str:
        rng = self.rng
        target = rng.randint(BODY_MIN_BYTES + 80, BODY_MAX_BYTES - 260)
        others = [s for s in theme.subjects if s is not subject]
        # Sections: (heading, pools to draw from). Content sections draw from the subject,
        # the theme and a neighbouring subject; boilerplate sections from generic pools.
        sections: list[tuple[str, list[tuple[str, ...]]]] = [
            ("总体要求", [theme.common]),
            ("支持政策", [subject.sentences, subject.sentences, theme.common]),
        ]
        optional: list[tuple[str, list[tuple[str, ...]]]] = [
            ("申报条件", [V.CONDITIONS]),
            ("申报材料", [V.MATERIALS]),
            ("办理流程", [V.PROCEDURE]),
            ("保障措施", [V.SAFEGUARDS, theme.common]),
        ]
        if others:
            optional.insert(0, ("相关措施", [rng.choice(others).sentences]))
        sections += [s for s in optional if rng.random() < 0.75]
        chosen: list[list[str]] = [[] for _ in sections]
        used: set[str] = set()

        head = [_fmt(rng.choice(V.SALUTATIONS), ctx), _fmt(rng.choice(V.PREAMBLES), ctx)]
        tail = [_fmt(s, ctx) for s in rng.sample(V.CLOSING, k=2)]
        tail += [issuer.name, _cn_date(publish)]
        size = sum(len(p.encode()) + 1 for p in head + tail)
        size += sum(len(f"{_NUMERALS[i]}、{h}".encode()) + 1 for i, (h, _) in enumerate(sections))

        def add(si: int) -> int:
            pool = rng.choice(sections[si][1])
            fresh = [s for s in pool if s not in used]
            if not fresh:
                return 0
            raw = rng.choice(fresh)
            used.add(raw)
            text = _fmt(raw, ctx)
            chosen[si].append(text)
            return len(text.encode())

        # One sentence per section first, then fill content-heavy until the target size.
        for si in range(len(sections)):
            size += add(si)
        stalls = 0
        while size < target and stalls < 50:
            si = 1 if rng.random() < 0.35 else rng.randrange(len(sections))
            grown = add(si)
            size += grown
            stalls = stalls + 1 if grown == 0 else 0
        # Sentences are appended to the section's paragraph (one paragraph per section).
        lines = head[:]
        for i, ((heading, _), sentences) in enumerate(zip(sections, chosen, strict=True)):
            lines.append(f"{_NUMERALS[i]}、{heading}")
            lines.append("".join(sentences))
        lines += tail
        body = "\n".join(lines)
        # Guarantee the 1–3 KB contract even for unlucky draws: trim or pad with boilerplate.
        while len(body.encode()) > BODY_MAX_BYTES:
            body = body[: body.rfind("。", 0, len(body) - 1) + 1]
        pad = itertools.cycle(V.SAFEGUARDS)
        while len(body.encode()) < BODY_MIN_BYTES:
            body += next(pad)
        return body


def generate(n: int, seed: int = DEFAULT_SEED) -> Iterator[dict[str, Any]]:
    """Yield ``n`` policies in import format, deterministically for ``seed``."""
    gen = _Generator(seed)
    for i in range(n):
        yield gen.policy(i)


def write_jsonl(path: Path, n: int, seed: int = DEFAULT_SEED, *, stats: bool = False) -> GenStats:
    """Write ``n`` policies to ``path`` (one JSON object per line) and return statistics.

    With ``stats`` the share of policies containing each query of the mix is computed too
    (a plain substring test on title, summary and body; slower).
    """
    started = time.perf_counter()
    result = GenStats()
    sample_every = max(1, n // 5)
    body_total = 0
    queries = [q for _, q in QUERY_MIX if " " not in q] if stats else []
    hits = dict.fromkeys(queries, 0)
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        buf: list[str] = []
        for i, rec in enumerate(generate(n, seed)):
            line = dumps(rec)
            buf.append(line)
            blen = len(rec["body"].encode())
            body_total += blen
            if i == 0:
                result.body_bytes_min = result.body_bytes_max = blen
            else:
                result.body_bytes_min = min(result.body_bytes_min, blen)
                result.body_bytes_max = max(result.body_bytes_max, blen)
            if i % sample_every == 7 % sample_every:
                result.sample_doc_numbers.append(rec["doc_number"])
            if queries:
                text = f"{rec['title']}\n{rec['summary']}\n{rec['body']}".lower()
                for q in queries:
                    if q.lower() in text:
                        hits[q] += 1
            if len(buf) >= 2000:
                out.write("\n".join(buf) + "\n")
                buf.clear()
        if buf:
            out.write("\n".join(buf) + "\n")
    result.count = n
    result.file_bytes = path.stat().st_size
    result.body_bytes_mean = body_total / n if n else 0.0
    result.hit_share = {q: c / n for q, c in hits.items()} if n else {}
    result.seconds = time.perf_counter() - started
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("out", type=Path, help="JSONL file to write")
    parser.add_argument("--n", type=int, default=100_000, help="number of policies")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--stats", action="store_true", help="also print the share of policies each query hits"
    )
    args = parser.parse_args(argv)
    st = write_jsonl(args.out, args.n, args.seed, stats=args.stats)
    print(
        f"wrote {st.count} policies to {args.out} ({st.file_bytes / 1e6:.1f} MB) in "
        f"{st.seconds:.1f} s; body bytes min/mean/max = "
        f"{st.body_bytes_min}/{st.body_bytes_mean:.0f}/{st.body_bytes_max}"
    )
    print("sample doc numbers:", " ".join(st.sample_doc_numbers))
    for q, share in sorted(st.hit_share.items(), key=lambda kv: -kv[1]):
        print(f"  {q:<10} {share * 100:6.2f} %")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
