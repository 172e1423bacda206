"""Synthetic enterprise registries with realistic distributions (如皋市), for demo and bench.

Distributions follow a county-level registry: mostly small and micro private firms,
manufacturing-heavy (machinery, textiles, electrical equipment, shipbuilding, chemicals),
a tail of trade, construction, software and agriculture; roughly one in eight lacks an
employee or revenue figure; tags are rare (高新技术企业 ~6%, 失信被执行人 ~1%).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from stdnum.cn import uscc as uscc_std

from server.enterprises.importer import COLUMNS
from server.policies.industries import industry_tree

#: The registry's columns, as ``zwgk import-enterprises`` names them.
HEADER = tuple(COLUMNS)
#: division → weight (share of the registry)
DIVISIONS: dict[str, int] = {
    "34": 14, "35": 8, "38": 8, "17": 7, "18": 5, "26": 4, "33": 6, "36": 4, "37": 3,
    "29": 4, "39": 3, "51": 10, "52": 6, "47": 4, "48": 2, "65": 4, "01": 3, "03": 1,
    "54": 2, "62": 2, "72": 3, "75": 2,
}  # fmt: skip
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "建国志强秀英桂兰海燕红梅明华立新卫东春生晓东丽娟军伟建华国平玉兰永红文杰海峰"
BRAND = "恒泰华通宏达鑫源长江如意金海东方瑞丰新力永盛天成汇丰中兴博远润华九鼎皋源"
WORDS = {
    "34": "机械", "35": "装备", "38": "电气", "17": "纺织", "18": "服饰", "26": "化工",
    "33": "金属制品", "36": "汽车零部件", "37": "船舶配套", "29": "塑料制品", "39": "电子",
    "51": "贸易", "52": "商贸", "47": "建设工程", "48": "建筑安装", "65": "信息科技",
    "01": "农业发展", "03": "畜牧", "54": "物流", "62": "餐饮管理", "72": "企业管理咨询",
    "75": "科技服务",
}  # fmt: skip
TAGS = (
    ("高新技术企业", 0.06),
    ("科技型中小企业", 0.10),
    ("专精特新", 0.03),
    ('专精特新"小巨人"', 0.005),
    ("规上企业", 0.12),
    ("失信被执行人", 0.01),
)
NATURES = (("民营", 86), ("个体工商户", 5), ("国有", 3), ("集体", 1), ("外资", 3), ("港澳台", 2))


def _classes() -> dict[str, list[str]]:
    by_division: dict[str, list[str]] = {}
    for code, _, _ in industry_tree():
        if len(code) == 4 and code[:2] in DIVISIONS:
            by_division.setdefault(code[:2], []).append(code)
    return by_division


def make_uscc(rng: random.Random, serial: int) -> str:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    org = "MA" + "".join(rng.choice(alphabet) for _ in range(2)) + f"{serial % 100000:05d}"
    body = "91320682" + org[:9]
    return body + uscc_std.calc_check_digit(body)


def rows(count: int, seed: int = 20261203, today: date | None = None) -> Iterator[list[str]]:
    """``count`` CSV rows (without header), deterministic for a seed."""
    rng = random.Random(seed)
    today = today or date(2026, 12, 1)
    classes = _classes()
    divisions = list(DIVISIONS)
    weights = list(DIVISIONS.values())
    seen: set[str] = set()
    serial = 0
    while serial < count:
        code = make_uscc(rng, serial + rng.randrange(10**9) * 100000)
        if code in seen:
            continue
        seen.add(code)
        serial += 1
        division = rng.choices(divisions, weights)[0]
        industry = rng.choice(classes[division])
        employees = max(1, int(rng.lognormvariate(2.6, 1.1)))
        revenue = round(employees * rng.lognormvariate(3.6, 0.8), 1)
        capital = rng.choice((10, 50, 100, 200, 300, 500, 1000, 2000, 5000, 10000))
        age_days = int(rng.expovariate(1 / 3000))
        established = today - timedelta(days=min(age_days, 40 * 365) + 1)
        nature = rng.choices([n for n, _ in NATURES], [w for _, w in NATURES])[0]
        tags = [t for t, p in TAGS if rng.random() < p * (3 if employees > 50 else 1)]
        missing = rng.random()
        name = (
            f"如皋市{rng.choice(BRAND)}{rng.choice(BRAND)}{WORDS[division]}有限公司"
            if nature != "个体工商户"
            else f"如皋市{rng.choice(('如城', '白蒲', '长江', '搬经', '丁堰'))}"
            f"{rng.choice(BRAND)}{rng.choice(BRAND)}{WORDS[division]}经营部"
        )
        yield [
            code,
            name,
            rng.choice(SURNAMES) + rng.choice([GIVEN[i : i + 2] for i in range(0, len(GIVEN), 2)]),
            "320682",
            industry,
            nature,
            "",
            established.isoformat(),
            str(capital),
            "" if missing < 0.08 else str(employees),
            "" if 0.04 < missing < 0.14 else str(revenue),
            ";".join(tags),
        ]


def write_csv(path: str, count: int, seed: int = 20261203) -> None:
    import csv

    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows(rows(count, seed))


if __name__ == "__main__":
    import sys

    write_csv(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 300)
