"""The engine's life and quality features: synonyms, relaxation, misses, Redis down, the
index as a cache of the database (missing, corrupt, rebuilt, 503 meanwhile) and freshness
across processes (a real ``zwgk indexer`` and a real ``zwgk serve`` over TCP)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from server.core.permissions import Role
from tests.conftest import PG_URL, free_port

SEARCH = "/api/v1/policies/search"
ADMIN = "/api/v1/admin"

POLICIES = [
    {
        "external_id": "t-1",
        "title": "关于阶段性缓缴社会保险费的通知",
        "issuer": "如皋市人力资源和社会保障局",
        "doc_number": "皋人社发〔2026〕7号",
        "publish_date": "2026-03-01",
        "status": "published",
        "summary": "困难企业可申请缓缴养老、失业、工伤保险单位缴费部分。",
        "body": "符合条件的中小微企业可向社会保险经办机构申请缓缴社会保险费，缓缴期间免收滞纳金。",
    },
    {
        "external_id": "t-2",
        "title": "如皋市高龄老人津贴发放办法",
        "issuer": "如皋市民政局",
        "publish_date": "2025-05-01",
        "status": "published",
        "summary": "八十周岁以上老人按月领取高龄津贴。",
        "body": "高龄津贴由镇（区）民政办按月发放到老人社会保障卡。",
    },
]

HOUSING = {
    "external_id": "t-3",
    "title": "如皋市公共租赁住房保障实施细则",
    "issuer": "如皋市住房和城乡建设局",
    "publish_date": "2026-02-01",
    "status": "published",
    "summary": "住房困难家庭可申请公共租赁住房实物配租或租赁补贴。",
    "body": "申请家庭应在本市有常住户口，人均住房建筑面积低于规定标准。",
}


async def _import(records: list[dict[str, Any]]) -> None:
    from server.policies.importer import import_lines

    report = await import_lines(json.dumps(r, ensure_ascii=False) for r in records)
    assert report.created == len(records) and not report.rejected, report


async def test_synonyms_relaxation_and_misses(client, staff_login):
    await _import(POLICIES)
    # 社保 ↔ 社会保险: an exact result through the synonym.
    r = (await client.get(SEARCH, params={"q": "社保"})).json()
    assert r["match"] == "exact" and [i["title"] for i in r["items"]] == [POLICIES[0]["title"]]
    assert "<em>社会保险</em>" in r["items"][0]["title_highlighted"]
    # 社保费缓缴 is not in the text as written: relaxed into words, labelled "related".
    r = (await client.get(SEARCH, params={"q": "社保费缓缴"})).json()
    assert r["match"] == "related" and r["total"] == 1
    assert r["items"][0]["title"] == POLICIES[0]["title"]
    # Nothing at all: labelled "none", counted as a miss and listed for staff.
    for _ in range(2):
        r = (await client.get(SEARCH, params={"q": "量子引力"})).json()
        assert r == {"items": [], "total": 0, "page": 1, "page_size": 10, "match": "none"}
    staff = {"Authorization": f"Bearer {await staff_login('clerk', department='hrss')}"}
    misses = (await client.get(f"{ADMIN}/search/misses", headers=staff)).json()
    assert misses["items"] == [{"term": "量子引力", "count": 2}]

    # Admins edit synonyms; staff may read them but not change them.
    groups = (await client.get(f"{ADMIN}/search/synonyms", headers=staff)).json()["groups"]
    assert ["社保", "社会保险"] in groups
    r = await client.put(f"{ADMIN}/search/synonyms", headers=staff, json={"groups": []})
    assert r.status_code == 403
    admin = {"Authorization": f"Bearer {await staff_login('boss', [Role.ADMIN], 'office')}"}
    too_long = {"groups": [["社保", "社会保险"], ["养老", "养" * 33]]}
    r = await client.put(f"{ADMIN}/search/synonyms", headers=admin, json=too_long)
    assert r.status_code == 422 and r.json()["error"]["field"] == "groups.1"
    groups = (await client.get(f"{ADMIN}/search/synonyms", headers=staff)).json()["groups"]
    assert ["社保", "社会保险"] in groups  # nothing was replaced
    r = await client.put(
        f"{ADMIN}/search/synonyms",
        headers=admin,
        json={"groups": [["津贴", "补贴", "ＡＢ"], ["x"]]},
    )
    assert r.status_code == 200 and r.json() == {"groups": [["津贴", "补贴", "ab"]]}
    r = (await client.get(SEARCH, params={"q": "社保"})).json()
    assert r["match"] != "exact"  # the group is gone
    r = (await client.get(SEARCH, params={"q": "高龄补贴"})).json()
    assert r["match"] == "exact" and r["items"][0]["title"] == POLICIES[1]["title"]


async def test_search_answers_with_redis_down(settings, redis_client):
    """Public search, browse and detail keep answering; hot words degrade to empty."""
    from server.app import create_app
    from tests.conftest import _truncate_postgres
    from tests.helpers import Lifespan, client_for

    down = settings.model_copy(
        update={
            "redis": settings.redis.model_copy(update={"url": f"redis://127.0.0.1:{free_port()}"})
        }
    )
    if PG_URL:
        await _truncate_postgres(settings.database.url)
    app = create_app(down, name="zwgk_test_redis_down", run_migrations=False)
    async with Lifespan(app), client_for(app) as c:
        from server.policies.service import load_taxonomy

        await load_taxonomy()
        await _import(POLICIES)
        r = await c.get(SEARCH, params={"q": "高龄津贴"})
        assert r.status_code == 200 and r.json()["total"] == 1
        pid = r.json()["items"][0]["id"]
        assert (await c.get("/api/v1/policies", params={"topic": "x"})).status_code == 200
        assert (await c.get(f"/api/v1/policies/{pid}")).status_code == 200
        r = await c.get("/api/v1/policies/hot-words")
        assert r.status_code == 200 and r.json()["items"] == []
        r = await c.get("/api/v1/policies/suggestions", params={"q": "高龄"})
        assert r.status_code == 200 and r.json()["items"][0]["kind"] == "policy"


async def test_index_is_a_cache_of_the_database(settings, redis_client, tmp_path):
    """No index yet: 503 search_unavailable (never 500); built from the database; deleted
    or corrupt: rebuilt; ``reindex`` swaps a new one in while search answers."""
    from server.app import create_app, search_root
    from server.search.engine import live_dir
    from server.search.indexer import Indexer
    from tests.conftest import _truncate_postgres
    from tests.helpers import Lifespan, client_for

    if PG_URL:
        await _truncate_postgres(settings.database.url)
    reader = settings.model_copy(
        update={"search": settings.search.model_copy(update={"indexer": "process"})}
    )
    app = create_app(reader, name="zwgk_test_index_cache", run_migrations=False)
    root = search_root(settings)
    async with Lifespan(app), client_for(app) as c:
        from server.policies.service import load_taxonomy

        await load_taxonomy()
        await _import(POLICIES)
        r = await c.get(SEARCH, params={"q": "高龄"})
        assert r.status_code == 503 and r.json()["error"]["code"] == "search_unavailable"
        r = await c.get(SEARCH, params={"q": "、，。"})  # a bad query is still the client's
        assert r.status_code == 422 and r.json()["error"]["field"] == "q", r.text
        indexer = Indexer(root)  # what `zwgk indexer` does at start
        await indexer.ensure()
        app.ctx.search_engine.refresh(force=True)
        r = await c.get(SEARCH, params={"q": "高龄"})
        assert r.status_code == 200 and r.json()["total"] == 1
        # A commit whose meta file keeps its modification time (two commits within one tick
        # of a coarse file-system clock) is still picked up: readers compare the cursor.
        first = live_dir(root)
        assert first is not None
        before = (first / "zwgk.json").stat().st_mtime_ns
        await _import([HOUSING])
        assert await indexer.catch_up() == 1
        os.utime(first / "zwgk.json", ns=(before, before))
        app.ctx.search_engine.refresh(force=True)
        r = await c.get(SEARCH, params={"q": "租赁住房"})
        assert r.status_code == 200 and r.json()["total"] == 1, r.text
        assert await indexer.rebuild() == 3  # zwgk reindex: a new directory, swapped in
        assert live_dir(root) != first
        app.ctx.search_engine.refresh(force=True)
        r = await c.get(SEARCH, params={"q": "高龄"})
        assert r.status_code == 200 and r.json()["total"] == 1
        indexer.close()
        # Corrupt the live index: the next indexer start rebuilds it from the database.
        live = live_dir(root)
        assert live is not None
        (live / "zwgk.json").write_text("{not json")
        indexer = Indexer(root)
        await indexer.ensure()
        assert live_dir(root) != live
        indexer.close()
        # Deleted entirely: rebuilt too, nothing lost.
        shutil.rmtree(root)
        indexer = Indexer(root)
        await indexer.ensure()
        app.ctx.search_engine.refresh(force=True)
        r = await c.get(SEARCH, params={"q": "社保"})
        assert r.status_code == 200 and r.json()["total"] == 1
        indexer.close()


async def test_rebuild_in_worker_processes_indexes_what_one_thread_does(
    settings, redis_client, tmp_path, monkeypatch
):
    """A big library is tokenized in spawned worker processes: the index built that way
    answers exactly as one built in a thread."""
    import os

    from server.core.db import close_db, init_db
    from server.search import indexer as indexer_module
    from server.search.engine import SearchEngine
    from server.search.indexer import Indexer
    from server.search.service import SearchQuery, search_policies
    from tests.conftest import _truncate_postgres

    if (os.cpu_count() or 1) < 2:
        import pytest

        pytest.skip("worker processes need two CPUs")
    if PG_URL:
        await _truncate_postgres(settings.database.url)
    await init_db(settings.database)
    try:
        await _import([*POLICIES, HOUSING])
        answers = []
        for parallel_from in (10**9, 1):  # a thread, then worker processes
            monkeypatch.setattr(indexer_module, "PARALLEL_FROM", parallel_from)
            root = tmp_path / f"search-{parallel_from}"
            indexer = Indexer(root)
            assert await indexer.rebuild() == 3
            indexer.close()
            engine = SearchEngine(root)
            engine.refresh(force=True)
            answers.append(
                [
                    [i["title"] for i in search_policies(engine, SearchQuery(q=q)).items]
                    for q in ("社会保险", "津贴", "住房", "缓缴")
                ]
            )
        assert answers[0] == answers[1] and all(answers[0])
    finally:
        await close_db()


def _wait_http(url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float = 40) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not come up: {log.read_text()[-3000:]}")
        time.sleep(0.1)


async def test_publish_is_found_on_another_process_within_two_seconds(
    settings, redis_client, tmp_path
):
    """One ``zwgk indexer`` and one ``zwgk serve`` as real processes over one database: a
    policy published here is found by the other process's search within 2 seconds."""
    from server.core.db import close_db, init_db
    from server.policies import service
    from server.policies.schemas import PolicyIn
    from tests.conftest import _truncate_postgres

    if PG_URL:
        await _truncate_postgres(settings.database.url)
    port = free_port()
    env = {
        **os.environ,
        "ZWGK_ENV": "test",
        "ZWGK_DATABASE__URL": settings.database.url,
        "ZWGK_REDIS__URL": settings.redis.url,
        "ZWGK_WECHAT__MODE": "emulator",
        "ZWGK_WECHAT__BASE_URL": settings.wechat.base_url or "",
        "ZWGK_PATHS__VAR_DIR": str(settings.paths.var_dir),
        "ZWGK_PATHS__FILES_DIR": str(settings.paths.files_dir),
        "ZWGK_HTTP__HOST": "127.0.0.1",
        "ZWGK_HTTP__PORT": str(port),
        "ZWGK_HTTP__WORKERS": "1",
        "ZWGK_SEARCH__INDEXER": "process",
        "ZWGK_SEARCH__CACHE_SECONDS": "30",
        "ZWGK_LOGGING__FORMAT": "console",
    }
    procs: list[subprocess.Popen[bytes]] = []
    log = tmp_path / "procs.log"
    await init_db(settings.database)
    try:
        from server.policies.service import load_taxonomy

        await load_taxonomy()
        await _import(POLICIES[1:])
        with log.open("ab") as out:
            for argv in (["indexer"], ["serve", "--no-migrate"]):
                procs.append(
                    subprocess.Popen(
                        [sys.executable, "-m", "server.cli", *argv],
                        env=env,
                        stdout=out,
                        stderr=subprocess.STDOUT,
                    )
                )
        base = f"http://127.0.0.1:{port}"
        _wait_http(f"{base}/api/v1/policies", procs[1], log)
        async with httpx.AsyncClient(base_url=base, timeout=5) as other:
            deadline = time.monotonic() + 30  # the indexer builds the first index
            while (await other.get(SEARCH, params={"q": "高龄"})).status_code != 200:
                assert time.monotonic() < deadline, log.read_text()[-3000:]
                time.sleep(0.1)
            # Cached on the other process: the answer must still change after the publish.
            before = (await other.get(SEARCH, params={"q": "缓缴"})).json()
            assert before["total"] == 0
            data = PolicyIn.model_validate({**POLICIES[0], "status": "draft"})
            policy = await service.create_policy(data, principal=None)
            await service.transition(policy.id, "publish", principal=None)
            published = time.monotonic()
            while True:
                r = (await other.get(SEARCH, params={"q": "缓缴"})).json()
                if r["total"] == 1:
                    break
                assert time.monotonic() - published < 2.0, (r, log.read_text()[-3000:])
                time.sleep(0.05)
            assert r["items"][0]["id"] == policy.id
            # Withdrawn: gone from the other process within 2 seconds too.
            await service.transition(policy.id, "withdraw", principal=None)
            withdrawn = time.monotonic()
            while (await other.get(SEARCH, params={"q": "缓缴"})).json()["total"] != 0:
                assert time.monotonic() - withdrawn < 2.0
                time.sleep(0.05)
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
        await close_db()
