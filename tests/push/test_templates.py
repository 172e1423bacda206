"""Keyword rendering follows WeChat's rules: shorten text safely, refuse what is invalid."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from server.config import PushSettings
from server.push.templates import TemplateDataError, render, render_value
from server.wechat.emulator.keywords import validate_value


@pytest.mark.parametrize(
    ("keyword", "value", "expected"),
    [
        (
            "thing1",
            "关于印发如皋市支持中小微企业稳岗扩就业若干措施的通知",
            "关于印发如皋市支持中小微企业稳岗扩就业…",
        ),
        ("thing2", "  第一行\n第二行\t ", "第一行 第二行"),
        ("character_string1", "RG2026-000123（网上）", "RG2026-000123"),
        ("character_string1", "A" * 40, "A" * 32),
        ("name3", "欧阳娜娜娜娜娜娜娜娜娜", "欧阳娜娜娜娜娜娜娜娜"),
        ("phrase2", "已受理", "已受理"),
        ("number4", "12.5", "12.5"),
        ("amount5", "￥3000元", "￥3000元"),
        ("date3", "2026-05-01", "2026-05-01"),
        ("date3", "2026年5月1日", "2026年5月1日"),
        ("time4", "2026-05-01 09:30", "2026-05-01 09:30"),
        ("time4", "09:30~18:00", "09:30~18:00"),
        ("phone_number6", "0513-87512345", "0513-87512345"),
    ],
)
def test_valid_values_render_and_pass_wechat_rules(keyword: str, value: str, expected: str) -> None:
    rendered = render_value(keyword, value)
    assert rendered == expected
    assert validate_value(keyword, rendered) is None  # the emulator's independent check


@pytest.mark.parametrize(
    ("keyword", "value"),
    [
        ("thing1", ""),
        ("thing1", "   "),
        ("thing1", None),
        ("phrase2", "正在处理中请稍候"),
        ("phrase2", "OK"),
        ("number4", "十二"),
        ("date3", "下周一"),
        ("date3", "2026-02-30"),
        ("time4", "25:00"),
        ("name3", "张3"),
        ("character_string1", "中文编号"),
        ("amount5", "12345678901元"),
    ],
)
def test_invalid_values_are_refused(keyword: str, value: object) -> None:
    with pytest.raises(TemplateDataError) as info:
        render_value(keyword, value)
    assert info.value.field == keyword


def test_render_fills_defaults_and_carries_the_push_id() -> None:
    settings = PushSettings()
    message = render(
        "policy_match",
        settings.templates["policy_match"],
        {"title": "稳岗返还", "policy_id": 12},
        push_id=99,
        now=datetime(2026, 5, 1, 1, 0, tzinfo=UTC),
    )
    assert message.page == "pages/policy/detail?push_id=99&policy_id=12"
    assert message.data == {
        "thing1": "稳岗返还",
        "thing2": "政务公开平台",
        "date3": "2026-05-01",
        "thing4": "点击查看详情",
    }
    digest = render(
        "digest", settings.templates["digest"], {"count": 5}, push_id=1, now=datetime.now(UTC)
    )
    assert digest.data["thing1"] == "您有 5 条新匹配的惠企政策"


def test_configuring_one_kind_keeps_the_other_defaults() -> None:
    settings = PushSettings.model_validate(
        {
            "templates": {
                "policy_match": {"template_id": "real-id-1", "keywords": {"thing1": "title"}}
            }
        }
    )
    assert settings.templates["policy_match"].template_id == "real-id-1"
    assert settings.templates["emergency_warning"].long_term is True
    assert len(settings.templates) == 8
    with pytest.raises(ValueError, match="quiet_hours"):
        PushSettings(quiet_hours="9pm-8am")
