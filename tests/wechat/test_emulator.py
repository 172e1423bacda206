"""The WeChat emulator, exercised over real HTTP exactly as the gateway will use it."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import xmltodict
from wechatpy.crypto import PrpCrypto

from server.wechat.emulator import (
    COMPLAINT_PROGRESS_TEMPLATE_ID,
    DEFAULT_APPID,
    DEFAULT_SECRET,
    POLICY_PUSH_TEMPLATE_ID,
    WARNING_TEMPLATE_ID,
)

STABLE = "/cgi-bin/stable_token"
SEND = "/cgi-bin/message/subscribe/send"
CHECK = "/wxa/msg_sec_check"
PHONE = "/wxa/business/getuserphonenumber"

POLICY_DATA = {
    "thing1": {"value": "关于促进民营经济发展的若干措施"},
    "thing2": {"value": "县人民政府办公室"},
    "date3": {"value": "2024年5月20日"},
    "thing4": {"value": "点击查看政策原文和解读"},
}


# --- helpers -------------------------------------------------------------------


def stable_token(client: httpx.Client, **extra: Any) -> dict[str, Any]:
    body = {"grant_type": "client_credential", "appid": DEFAULT_APPID, "secret": DEFAULT_SECRET}
    response = client.post(STABLE, json={**body, **extra})
    assert response.status_code == 200
    data: dict[str, Any] = response.json()
    return data


def token(client: httpx.Client) -> str:
    return str(stable_token(client)["access_token"])


def mint_code(client: httpx.Client, **body: Any) -> dict[str, Any]:
    response = client.post("/_emulator/login-codes", json=body)
    response.raise_for_status()
    data: dict[str, Any] = response.json()
    return data


def jscode2session(client: httpx.Client, code: str, **overrides: str) -> dict[str, Any]:
    params = {
        "appid": DEFAULT_APPID,
        "secret": DEFAULT_SECRET,
        "js_code": code,
        "grant_type": "authorization_code",
        **overrides,
    }
    data: dict[str, Any] = client.get("/sns/jscode2session", params=params).json()
    return data


def login(client: httpx.Client, openid: str) -> None:
    """Mint a code and exchange it: the user is now known and active."""
    assert "openid" in jscode2session(client, mint_code(client, openid=openid)["code"])


def send(client: httpx.Client, access_token: str, **body: Any) -> dict[str, Any]:
    data: dict[str, Any] = client.post(
        SEND, params={"access_token": access_token}, json=body
    ).json()
    return data


def check(client: httpx.Client, access_token: str, **body: Any) -> dict[str, Any]:
    payload = {"version": 2, "scene": 2, **body}
    data: dict[str, Any] = client.post(
        CHECK, params={"access_token": access_token}, json=payload
    ).json()
    return data


def grant(client: httpx.Client, openid: str, template_id: str, count: int = 1) -> None:
    client.post(
        "/_emulator/grants", json={"openid": openid, "template_id": template_id, "count": count}
    ).raise_for_status()


# --- login codes ---------------------------------------------------------------


def test_login_code_is_single_use(emulator: httpx.Client) -> None:
    minted = mint_code(emulator, openid="o-alice", unionid="u-alice")
    first = jscode2session(emulator, minted["code"])
    assert first["openid"] == "o-alice"
    assert first["unionid"] == "u-alice"
    assert len(base64.b64decode(first["session_key"])) == 16
    assert "errcode" not in first
    assert jscode2session(emulator, minted["code"])["errcode"] == 40163
    assert jscode2session(emulator, "never-minted")["errcode"] == 40029


def test_login_code_mints_openid_and_expires(emulator: httpx.Client) -> None:
    minted = mint_code(emulator)
    assert minted["openid"].startswith("o") and len(minted["openid"]) == 28
    assert minted["expires_in"] == 300
    emulator.post("/_emulator/clock", json={"advance": 301}).raise_for_status()
    assert jscode2session(emulator, minted["code"])["errcode"] == 40029
    short = mint_code(emulator, expires_in=0.05)
    time.sleep(0.1)
    assert jscode2session(emulator, short["code"])["errcode"] == 40029


def test_login_rejects_bad_credentials(emulator: httpx.Client) -> None:
    code = mint_code(emulator)["code"]
    assert jscode2session(emulator, code, appid="wxother")["errcode"] == 40013
    assert jscode2session(emulator, code, secret="wrong")["errcode"] == 40125
    # A failed exchange does not burn the code.
    assert "openid" in jscode2session(emulator, code)


# --- access tokens ---------------------------------------------------------------


def test_stable_token_is_shared_until_it_expires(emulator: httpx.Client) -> None:
    first = stable_token(emulator)
    assert first["expires_in"] == 7200
    emulator.post("/_emulator/clock", json={"advance": 1000}).raise_for_status()
    second = stable_token(emulator)
    assert second["access_token"] == first["access_token"]
    assert 6195 <= second["expires_in"] <= 6200
    emulator.post("/_emulator/clock", json={"advance": 6201}).raise_for_status()
    expired = send(emulator, first["access_token"], touser="x", template_id=WARNING_TEMPLATE_ID)
    assert expired["errcode"] == 42001
    assert stable_token(emulator)["access_token"] != first["access_token"]


def test_plain_call_renews_a_token_close_to_expiry(emulator: httpx.Client) -> None:
    old = token(emulator)
    emulator.post("/_emulator/clock", json={"advance": 7000}).raise_for_status()
    renewed = stable_token(emulator)
    assert renewed["access_token"] != old
    assert renewed["expires_in"] == 7200
    # The old token stays usable until its own expiry, as on WeChat.
    login(emulator, "o-bob")
    assert check(emulator, old, openid="o-bob", content="你好")["errcode"] == 0


def test_force_refresh_rotates_and_is_rate_limited(emulator: httpx.Client) -> None:
    emulator.post("/_emulator/config", json={"force_refresh_daily_limit": 2}).raise_for_status()
    old = token(emulator)
    new = stable_token(emulator, force_refresh=True)["access_token"]
    assert new != old
    login(emulator, "o-carol")
    assert check(emulator, old, openid="o-carol", content="你好")["errcode"] == 40001
    assert check(emulator, new, openid="o-carol", content="你好")["errcode"] == 0
    assert "access_token" in stable_token(emulator, force_refresh=True)
    assert stable_token(emulator, force_refresh=True)["errcode"] == 45009


def test_invalidate_makes_current_tokens_fail(emulator: httpx.Client) -> None:
    old = token(emulator)
    assert emulator.post("/_emulator/tokens/invalidate").json() == {"revoked": 1}
    login(emulator, "o-dan")
    answer = check(emulator, old, openid="o-dan", content="你好")
    assert answer["errcode"] == 40001
    assert answer["errmsg"].startswith("invalid credential")
    new = token(emulator)
    assert new != old
    assert check(emulator, new, openid="o-dan", content="你好")["errcode"] == 0


def test_token_errors(emulator: httpx.Client) -> None:
    assert emulator.post(SEND, json={}).json()["errcode"] == 41001
    assert send(emulator, "not a token")["errcode"] == 40014
    assert stable_token(emulator, secret="nope")["errcode"] == 40125
    assert stable_token(emulator, appid="wx123")["errcode"] == 40013
    assert stable_token(emulator, grant_type="password")["errcode"] == 40002


def test_legacy_token_endpoint(emulator: httpx.Client) -> None:
    params = {"grant_type": "client_credential", "appid": DEFAULT_APPID, "secret": DEFAULT_SECRET}
    first = emulator.get("/cgi-bin/token", params=params).json()
    second = emulator.get("/cgi-bin/token", params=params).json()
    assert first["access_token"] != second["access_token"]
    assert second["expires_in"] == 7200
    login(emulator, "o-eve")
    assert check(emulator, first["access_token"], openid="o-eve", content="hi")["errcode"] == 0


# --- subscribe messages ----------------------------------------------------------


def test_one_time_credit_allows_exactly_one_send(emulator: httpx.Client) -> None:
    access_token = token(emulator)
    login(emulator, "o-frank")
    message = {
        "touser": "o-frank",
        "template_id": POLICY_PUSH_TEMPLATE_ID,
        "page": "pages/policy/detail?id=42",
        "data": POLICY_DATA,
        "miniprogram_state": "trial",
    }
    assert send(emulator, access_token, **message)["errcode"] == 43101
    grant(emulator, "o-frank", POLICY_PUSH_TEMPLATE_ID)
    sent = send(emulator, access_token, **message)
    assert sent["errcode"] == 0 and sent["msgid"] > 0
    assert send(emulator, access_token, **message)["errcode"] == 43101
    messages = emulator.get("/_emulator/messages", params={"touser": "o-frank"}).json()
    assert len(messages) == 1
    recorded = messages[0]
    assert recorded["template_id"] == POLICY_PUSH_TEMPLATE_ID
    assert recorded["page"] == "pages/policy/detail?id=42"
    assert recorded["data"]["thing1"]["value"] == POLICY_DATA["thing1"]["value"]
    assert recorded["msgid"] == sent["msgid"]
    assert recorded["miniprogram_state"] == "trial"
    assert isinstance(recorded["sent_at"], int)
    assert emulator.get("/_emulator/messages", params={"touser": "o-other"}).json() == []


def test_long_term_template_needs_no_credit_but_respects_reject(emulator: httpx.Client) -> None:
    access_token = token(emulator)
    login(emulator, "o-gina")
    message = {
        "touser": "o-gina",
        "template_id": WARNING_TEMPLATE_ID,
        "data": {
            "thing1": {"value": "暴雨橙色预警"},
            "thing2": {"value": "未来6小时降雨量将达50毫米以上"},
            "time3": {"value": "2024年7月1日 15:01"},
        },
    }
    assert send(emulator, access_token, **message)["errcode"] == 0
    assert send(emulator, access_token, **message)["errcode"] == 0
    emulator.post(
        "/_emulator/events",
        json={
            "event": "subscribe_msg_change_event",
            "openid": "o-gina",
            "template_id": WARNING_TEMPLATE_ID,
            "status": "reject",
        },
    ).raise_for_status()
    assert send(emulator, access_token, **message)["errcode"] == 43101


def test_send_rejects_bad_template_openid_page_and_state(emulator: httpx.Client) -> None:
    access_token = token(emulator)
    login(emulator, "o-hank")
    grant(emulator, "o-hank", POLICY_PUSH_TEMPLATE_ID, count=5)
    base = {"touser": "o-hank", "template_id": POLICY_PUSH_TEMPLATE_ID, "data": POLICY_DATA}
    assert send(emulator, access_token, **{**base, "template_id": "nope"})["errcode"] == 40037
    assert send(emulator, access_token, **{**base, "touser": "o-stranger"})["errcode"] == 40003
    for page in ("https://example.com/x", "/pages/index/index", "pages/a b"):
        assert send(emulator, access_token, **base, page=page)["errcode"] == 41030, page
    assert send(emulator, access_token, **base, miniprogram_state="beta")["errcode"] == 40097
    assert send(emulator, access_token, **base, lang="fr_FR")["errcode"] == 40097
    assert send(emulator, access_token, **{**base, "data": "x"})["errcode"] == 47001
    # None of the failures used up a credit.
    assert emulator.get("/_emulator/grants", params={"openid": "o-hank"}).json()[0]["credits"] == 5


KEYWORD_CASES: list[tuple[str, list[str], list[str]]] = [
    ("thing1", ["县政务服务中心", "x" * 20], ["x" * 21, "   "]),
    ("phrase2", ["已受理", "办理中", "已办结完成"], ["已经办理完成了", "done", "办理1"]),
    ("name3", ["张三", "欧阳娜娜", "John Smith"], ["张三1", "一二三四五六七八九十一", "A" * 21]),
    ("number4", ["42", "-3.14", "+100", "0.5"], ["12a", "1" * 33, "1.2.3", ""]),
    ("letter5", ["abc", "ABCdef"], ["abc1", "a" * 33, "ab cd"]),
    ("symbol6", ["%", "!?#", "*****"], ["a", "%%%%%%", "1"]),
    ("character_string7", ["GD2024-0001", "abc_123"], ["工单1", "a" * 33, "a b"]),
    ("phone_number8", ["13800138000", "+86 138-0013-8000", "0571-87654321"], ["138x", "1" * 18]),
    ("car_number9", ["粤A12345", "京AF1234学", "ABC123"], ["粤A123456789", "粤A-1234", "粤粤1234"]),
    ("amount10", ["100", "¥99.50", "1000元", "￥3"], ["一百元", "12345678901", "$5"]),
    (
        "time11",
        ["15:01", "2019年10月1日 15:01", "2019-10-01 15:01", "15:01~16:00"],
        ["25:00", "3pm", "2019年13月1日 15:01", "2019-10-01"],
    ),
    (
        "date12",
        ["2019年10月1日", "2019-10-01", "2019年10月1日 15:01", "2019-10-01~2019-10-07"],
        ["2019-02-30", "10月1日", "tomorrow", "15:01"],
    ),
]


def test_keyword_rules_name_the_offending_field(emulator: httpx.Client) -> None:
    emulator.post(
        "/_emulator/templates",
        json={
            "template_id": "all-types",
            "title": "全类型",
            "keywords": [case[0] for case in KEYWORD_CASES],
            "kind": "long_term",
        },
    ).raise_for_status()
    access_token = token(emulator)
    login(emulator, "o-ivy")
    valid = {keyword: {"value": good[0]} for keyword, good, _ in KEYWORD_CASES}
    base = {"touser": "o-ivy", "template_id": "all-types"}
    assert send(emulator, access_token, **base, data=valid)["errcode"] == 0
    for keyword, good, bad in KEYWORD_CASES:
        for value in good:
            answer = send(emulator, access_token, **base, data={**valid, keyword: {"value": value}})
            assert answer["errcode"] == 0, (keyword, value, answer)
        for value in bad:
            answer = send(emulator, access_token, **base, data={**valid, keyword: {"value": value}})
            assert answer["errcode"] == 47003, (keyword, value, answer)
            assert f"argument invalid! data.{keyword}.value" in answer["errmsg"]


def test_missing_or_empty_field_is_47003(emulator: httpx.Client) -> None:
    access_token = token(emulator)
    login(emulator, "o-jack")
    grant(emulator, "o-jack", COMPLAINT_PROGRESS_TEMPLATE_ID)
    data = {
        "character_string1": {"value": "TS20240520001"},
        "phrase2": {"value": "已受理"},
        "thing3": {"value": "已转交县住建局办理"},
    }
    base = {"touser": "o-jack", "template_id": COMPLAINT_PROGRESS_TEMPLATE_ID}
    answer = send(emulator, access_token, **base, data=data)
    assert answer["errcode"] == 47003
    assert "data.time4.value is empty" in answer["errmsg"]
    answer = send(emulator, access_token, **base, data={**data, "time4": {"value": ""}})
    assert "data.time4.value is empty" in answer["errmsg"]
    ok = send(emulator, access_token, **base, data={**data, "time4": {"value": "09:30"}})
    assert ok["errcode"] == 0


def test_template_registration_is_validated(emulator: httpx.Client) -> None:
    bad = emulator.post("/_emulator/templates", json={"template_id": "t", "keywords": ["Thing"]})
    assert bad.status_code == 400
    templates = {t["template_id"]: t for t in emulator.get("/_emulator/templates").json()}
    assert templates[WARNING_TEMPLATE_ID]["kind"] == "long_term"
    assert templates[POLICY_PUSH_TEMPLATE_ID]["keywords"] == ["thing1", "thing2", "date3", "thing4"]
    assert templates[COMPLAINT_PROGRESS_TEMPLATE_ID]["labels"][0] == "工单编号"


# --- content security -------------------------------------------------------------


def test_msg_sec_check_verdicts(emulator: httpx.Client) -> None:
    access_token = token(emulator)
    login(emulator, "o-kate")
    passed = check(emulator, access_token, openid="o-kate", content="建议增加公交班次")
    assert passed["errcode"] == 0
    assert passed["result"] == {"suggest": "pass", "label": 100}
    assert passed["trace_id"]
    risky = check(emulator, access_token, openid="o-kate", content="有人在小区里聚众赌博")
    assert risky["result"]["suggest"] == "risky"
    assert any(d.get("keyword") == "赌博" for d in risky["detail"])
    review = check(emulator, access_token, openid="o-kate", content="可以代开发票吗")
    assert review["result"]["suggest"] == "review"
    titled = check(emulator, access_token, openid="o-kate", content="正常", title="毒品")
    assert titled["result"]["suggest"] == "risky"
    emulator.post("/_emulator/risky-words", json={"risky": ["违章建筑"], "review": []})
    assert (
        check(emulator, access_token, openid="o-kate", content="赌博")["result"]["suggest"]
        == "pass"
    )
    custom = check(emulator, access_token, openid="o-kate", content="举报违章建筑")
    assert custom["result"]["suggest"] == "risky"


def test_msg_sec_check_errors(emulator: httpx.Client) -> None:
    access_token = token(emulator)
    assert check(emulator, access_token, openid="o-nobody", content="hi")["errcode"] == 40003
    mint_code(emulator, openid="o-lazy")  # known, but never logged in
    assert check(emulator, access_token, openid="o-lazy", content="hi")["errcode"] == 61010
    login(emulator, "o-leo")
    assert check(emulator, access_token, openid="o-leo", content="x" * 2501)["errcode"] == 47001
    assert check(emulator, access_token, openid="o-leo", content="x" * 2500)["errcode"] == 0
    assert check(emulator, access_token, openid="o-leo", content="")["errcode"] == 44002
    assert check(emulator, access_token, openid="o-leo", content="a", scene=5)["errcode"] == 40129
    emulator.post("/_emulator/clock", json={"advance": 7300}).raise_for_status()
    fresh = token(emulator)
    assert check(emulator, fresh, openid="o-leo", content="hi")["errcode"] == 61010


# --- phone numbers ------------------------------------------------------------------


def test_phone_code_is_single_use(emulator: httpx.Client) -> None:
    access_token = token(emulator)
    code = emulator.post("/_emulator/phone-codes", json={"phone": "13800138000"}).json()["code"]
    first = emulator.post(PHONE, params={"access_token": access_token}, json={"code": code}).json()
    assert first["errcode"] == 0
    info = first["phone_info"]
    assert info["phoneNumber"] == info["purePhoneNumber"] == "13800138000"
    assert info["countryCode"] == "86"
    assert info["watermark"]["appid"] == DEFAULT_APPID
    again = emulator.post(PHONE, params={"access_token": access_token}, json={"code": code})
    assert again.json()["errcode"] == 40029
    missing = emulator.post(PHONE, params={"access_token": access_token}, json={})
    assert missing.json()["errcode"] == 41008


# --- faults, stats, reset -----------------------------------------------------------


def test_faults_fail_every_call_at_rate_one(emulator: httpx.Client) -> None:
    emulator.post(
        "/_emulator/faults", json={"error_rate": 1.0, "errcode": 45009}
    ).raise_for_status()
    for _ in range(5):
        assert stable_token(emulator)["errcode"] == 45009
    # Control endpoints are never faulted.
    assert emulator.get("/_emulator/health").status_code == 200
    emulator.delete("/_emulator/faults").raise_for_status()
    assert "access_token" in stable_token(emulator)


def test_faults_limited_to_paths_and_times(emulator: httpx.Client) -> None:
    emulator.post(
        "/_emulator/faults", json={"error_rate": 1.0, "paths": [CHECK], "times": 2}
    ).raise_for_status()
    access_token = token(emulator)  # stable_token is not in paths
    login(emulator, "o-mia")
    assert check(emulator, access_token, openid="o-mia", content="a")["errcode"] == -1
    assert check(emulator, access_token, openid="o-mia", content="a")["errcode"] == -1
    assert check(emulator, access_token, openid="o-mia", content="a")["errcode"] == 0


def test_fault_latency_and_http_status(emulator: httpx.Client) -> None:
    emulator.post(
        "/_emulator/faults", json={"latency_ms": 300, "paths": [STABLE]}
    ).raise_for_status()
    started = time.monotonic()
    assert "access_token" in stable_token(emulator)
    assert time.monotonic() - started >= 0.3
    emulator.post(
        "/_emulator/faults", json={"error_rate": 1.0, "http_status": 502}
    ).raise_for_status()
    assert emulator.post(STABLE, json={}).status_code == 502


def test_fault_rate_zero_and_half(emulator: httpx.Client) -> None:
    emulator.post("/_emulator/faults", json={"error_rate": 0.5}).raise_for_status()
    answers = [stable_token(emulator).get("errcode", 0) for _ in range(40)]
    assert 0 < answers.count(-1) < 40
    assert emulator.post("/_emulator/faults", json={"error_rate": 2}).status_code == 400


def test_stats_count_calls_per_path(emulator: httpx.Client) -> None:
    token(emulator)
    token(emulator)
    jscode2session(emulator, "bogus")
    stats = emulator.get("/_emulator/stats").json()
    assert stats["calls"] == {STABLE: 2, "/sns/jscode2session": 1}


def test_reset_restores_defaults(emulator: httpx.Client) -> None:
    access_token = token(emulator)
    login(emulator, "o-ned")
    grant(emulator, "o-ned", POLICY_PUSH_TEMPLATE_ID)
    send(
        emulator,
        access_token,
        touser="o-ned",
        template_id=POLICY_PUSH_TEMPLATE_ID,
        data=POLICY_DATA,
    )
    emulator.post("/_emulator/templates", json={"template_id": "x", "keywords": ["thing1"]})
    emulator.post("/_emulator/faults", json={"latency_ms": 10})
    emulator.post("/_emulator/config", json={"callback_url": "http://127.0.0.1:1/cb"})
    emulator.post("/_emulator/clock", json={"advance": 50})
    emulator.post("/_emulator/reset").raise_for_status()
    assert emulator.get("/_emulator/messages").json() == []
    assert emulator.get("/_emulator/grants").json() == []
    assert emulator.get("/_emulator/stats").json()["calls"] == {}
    assert len(emulator.get("/_emulator/templates").json()) == 3
    assert emulator.get("/_emulator/faults").json()["latency_ms"] == 0
    assert emulator.get("/_emulator/config").json()["callback_url"] is None
    assert emulator.get("/_emulator/clock").json()["offset"] == 0
    # Tokens and users are gone too.
    assert check(emulator, access_token, openid="o-ned", content="a")["errcode"] == 40001


def test_config_is_validated(emulator: httpx.Client) -> None:
    for bad in (
        {"appid": "wx1"},
        {"colour": "red"},
        {"token_ttl": "long"},
        {"token_ttl": -1},
        {"callback_aes_key": "too-short"},
        {"callback_url": 5},
        {"login_code_ttl": None},
    ):
        assert emulator.post("/_emulator/config", json=bad).status_code == 400, bad
    key = base64.b64encode(os.urandom(32)).decode().rstrip("=")
    config = emulator.post(
        "/_emulator/config", json={"callback_aes_key": key, "token_ttl": 60}
    ).json()
    assert config["callback_aes_key"] == key
    assert config["token_ttl"] == 60
    assert stable_token(emulator)["expires_in"] == 60


# --- event pushes --------------------------------------------------------------------


@dataclass
class Receiver:
    url: str
    requests: list[dict[str, Any]] = field(default_factory=list)
    status: int = 200


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """A tiny HTTP server in a thread that records what the emulator pushes."""
    box = Receiver(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            query = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
            box.requests.append(
                {
                    "path": urlsplit(self.path).path,
                    "query": query,
                    "body": self.rfile.read(length).decode(),
                    "content_type": self.headers.get("Content-Type"),
                }
            )
            self.send_response(box.status)
            self.end_headers()
            self.wfile.write(b"success")

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    box.url = f"http://127.0.0.1:{server.server_address[1]}/wechat/callback"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield box
    server.shutdown()
    server.server_close()


def sha1_sorted(*parts: str) -> str:
    return hashlib.sha1("".join(sorted(parts)).encode(), usedforsecurity=False).hexdigest()


def test_popup_event_is_signed_delivered_and_grants_credit(
    emulator: httpx.Client, receiver: Receiver
) -> None:
    emulator.post(
        "/_emulator/config", json={"callback_url": receiver.url, "callback_token": "tok"}
    ).raise_for_status()
    answer = emulator.post(
        "/_emulator/events",
        json={
            "event": "subscribe_msg_popup_event",
            "openid": "o-olga",
            "template_id": POLICY_PUSH_TEMPLATE_ID,
            "status": "accept",
        },
    ).json()
    assert answer["delivered"] is True and answer["status"] == 200 and answer["body"] == "success"
    [pushed] = receiver.requests
    query = pushed["query"]
    assert query["signature"] == sha1_sorted("tok", query["timestamp"], query["nonce"])
    assert "encrypt_type" not in query
    assert pushed["content_type"].startswith("application/json")
    event = json.loads(pushed["body"])
    assert event["FromUserName"] == "o-olga"
    assert event["MsgType"] == "event"
    assert event["Event"] == "subscribe_msg_popup_event"
    assert event["List"] == [
        {
            "TemplateId": POLICY_PUSH_TEMPLATE_ID,
            "SubscribeStatusString": "accept",
            "PopupScene": "0",
        }
    ]
    grants = emulator.get("/_emulator/grants", params={"openid": "o-olga"}).json()
    assert grants == [{"openid": "o-olga", "template_id": POLICY_PUSH_TEMPLATE_ID, "credits": 1}]
    # The credit is usable: exactly one message gets through.
    access_token = token(emulator)
    message = {"touser": "o-olga", "template_id": POLICY_PUSH_TEMPLATE_ID, "data": POLICY_DATA}
    assert send(emulator, access_token, **message)["errcode"] == 0
    assert send(emulator, access_token, **message)["errcode"] == 43101


def test_rejected_popup_grants_nothing(emulator: httpx.Client) -> None:
    answer = emulator.post(
        "/_emulator/events",
        json={
            "event": "subscribe_msg_popup_event",
            "openid": "o-pat",
            "template_id": POLICY_PUSH_TEMPLATE_ID,
            "status": "reject",
        },
    ).json()
    # No callback configured: nothing delivered, but the event is still built.
    assert answer["delivered"] is False
    assert json.loads(answer["message"])["List"][0]["SubscribeStatusString"] == "reject"
    assert emulator.get("/_emulator/grants", params={"openid": "o-pat"}).json() == []


def test_encrypted_xml_event(emulator: httpx.Client, receiver: Receiver) -> None:
    aes_key = base64.b64encode(os.urandom(32)).decode().rstrip("=")
    emulator.post(
        "/_emulator/config",
        json={"callback_url": receiver.url, "callback_token": "tok2", "callback_aes_key": aes_key},
    ).raise_for_status()
    answer = emulator.post(
        "/_emulator/events",
        json={
            "event": "subscribe_msg_popup_event",
            "openid": "o-quinn",
            "format": "xml",
            "items": [
                {"template_id": POLICY_PUSH_TEMPLATE_ID, "status": "accept"},
                {"template_id": COMPLAINT_PROGRESS_TEMPLATE_ID, "status": "reject"},
            ],
        },
    ).json()
    assert answer["encrypted"] is True and answer["status"] == 200
    [pushed] = receiver.requests
    query = pushed["query"]
    envelope = xmltodict.parse(pushed["body"])["xml"]
    assert query["encrypt_type"] == "aes"
    assert query["signature"] == sha1_sorted("tok2", query["timestamp"], query["nonce"])
    assert query["msg_signature"] == sha1_sorted(
        "tok2", query["timestamp"], query["nonce"], envelope["Encrypt"]
    )
    key = base64.b64decode(aes_key + "=")
    plaintext = PrpCrypto(key).decrypt(envelope["Encrypt"], DEFAULT_APPID)
    event = xmltodict.parse(plaintext)["xml"]
    assert event["Event"] == "subscribe_msg_popup_event"
    items = event["SubscribeMsgPopupEvent"]["List"]
    assert [i["SubscribeStatusString"] for i in items] == ["accept", "reject"]
    grants = emulator.get("/_emulator/grants", params={"openid": "o-quinn"}).json()
    assert grants == [{"openid": "o-quinn", "template_id": POLICY_PUSH_TEMPLATE_ID, "credits": 1}]


def test_sent_event_and_error_status(emulator: httpx.Client, receiver: Receiver) -> None:
    receiver.status = 500
    emulator.post(
        "/_emulator/config", json={"callback_url": receiver.url, "callback_token": "tok"}
    ).raise_for_status()
    answer = emulator.post(
        "/_emulator/events",
        json={
            "event": "subscribe_msg_sent_event",
            "openid": "o-rita",
            "template_id": WARNING_TEMPLATE_ID,
            "msg_id": "123456",
            "error_code": 43101,
            "list_style": "object",
        },
    ).json()
    assert answer["delivered"] is False and answer["status"] == 500
    event = json.loads(receiver.requests[0]["body"])
    assert event["List"] == {
        "TemplateId": WARNING_TEMPLATE_ID,
        "MsgID": "123456",
        "ErrorCode": "43101",
        "ErrorStatus": "fail: user refuse to accept the msg",
    }


def test_events_validate_input(emulator: httpx.Client) -> None:
    bad_event = {"event": "nope", "openid": "o", "template_id": WARNING_TEMPLATE_ID}
    assert emulator.post("/_emulator/events", json=bad_event).status_code == 400
    bad_template = {"event": "subscribe_msg_popup_event", "openid": "o", "template_id": "zz"}
    assert emulator.post("/_emulator/events", json=bad_template).status_code == 400
    unreachable = emulator.post(
        "/_emulator/config",
        json={"callback_url": "http://127.0.0.1:9/cb", "callback_token": "t"},
    )
    unreachable.raise_for_status()
    answer = emulator.post(
        "/_emulator/events",
        json={
            "event": "subscribe_msg_popup_event",
            "openid": "o",
            "template_id": WARNING_TEMPLATE_ID,
        },
    ).json()
    assert answer["delivered"] is False and answer["error"]
