"""Typed settings: sources, overrides, and what production refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.config import ConfigError, load_settings


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("ZWGK_CONFIG", "ZWGK_ENV", "ZWGK_DATABASE__URL", "ZWGK_REDIS__URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


def test_defaults_are_the_embedded_development_stack():
    s = load_settings()
    assert s.database.url == "sqlite://var/zwgk.db"
    assert s.redis.url == "embedded"
    assert s.wechat.resolved_base_url == "http://127.0.0.1:8001"


def test_toml_file_then_environment_override(monkeypatch, tmp_path):
    (tmp_path / "zwgk.toml").write_text("[http]\nport = 9100\n[search]\nhot_words_days = 7\n")
    monkeypatch.setenv("ZWGK_CONFIG", str(tmp_path / "zwgk.toml"))
    monkeypatch.setenv("ZWGK_HTTP__PORT", "9200")
    s = load_settings()
    assert s.search.hot_words_days == 7
    assert s.http.port == 9200  # the environment wins over the file


def test_example_config_is_valid(monkeypatch):
    example = Path(__file__).resolve().parents[2] / "config.example.toml"
    monkeypatch.setenv("ZWGK_CONFIG", str(example))
    assert load_settings().env == "development"


@pytest.mark.parametrize(
    ("name", "value", "where"),
    [
        ("ZWGK_HTTP__PORT", "70000", "http.port"),
        ("ZWGK_DATABASE__URL", "mysql://x", "database.url"),
        ("ZWGK_WECHAT__MODE", "sandbox", "wechat.mode"),
        ("ZWGK_WECHAT__ENCODING_AES_KEY", "tooshort", "wechat.encoding_aes_key"),
    ],
)
def test_bad_values_are_named_in_the_error(monkeypatch, name, value, where):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as err:
        load_settings()
    assert where in str(err.value)


def test_missing_config_file_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("ZWGK_CONFIG", str(tmp_path / "nope.toml"))
    with pytest.raises(ConfigError, match="not a file"):
        load_settings()


def test_production_refuses_development_defaults(monkeypatch):
    monkeypatch.setenv("ZWGK_ENV", "production")
    with pytest.raises(ConfigError) as err:
        load_settings()
    message = str(err.value)
    for part in ("secret_key", "emulator", "AppID", "callback_token", "SQLite", "redis"):
        assert part in message


def test_production_accepts_a_real_configuration(monkeypatch):
    values = {
        "ZWGK_ENV": "production",
        "ZWGK_SECURITY__SECRET_KEY": "k" * 48,
        "ZWGK_WECHAT__MODE": "real",
        "ZWGK_WECHAT__APPID": "wx1234567890abcdef",
        "ZWGK_WECHAT__SECRET": "real-secret",
        "ZWGK_WECHAT__CALLBACK_TOKEN": "real-token",
        "ZWGK_DATABASE__URL": "postgres://zwgk@db/zwgk",
        "ZWGK_REDIS__URL": "redis://redis:6379/0",
        "ZWGK_WECHAT__ENCODING_AES_KEY": "a" * 43,
    }
    for k, v in values.items():
        monkeypatch.setenv(k, v)
    s = load_settings()
    assert s.wechat.resolved_base_url == "https://api.weixin.qq.com"
