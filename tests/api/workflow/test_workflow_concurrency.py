"""Many clients at once: one winner per version, a gapless chain, no lost events.

The requests go through `live_flow`, whose requests really interleave (see its docstring);
over `AsyncTestClient` they would run one at a time and these tests could not fail.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any

import httpx
from neo4j import AsyncDriver

from factcheck.settings import Settings
from tests.api.workflow.support import Flow, claim_row, event_count, live_flow, make_claim
from tests.conftest import bearer

CLIENTS = 20


async def _verified(flow: Flow) -> dict[str, Any]:
    report: dict[str, Any] = (await flow.client.get("/audit/verify")).json()
    assert report["ok"], report
    return report


async def test_twenty_clients_racing_one_version_leave_exactly_one_winner(
    settings: Settings, empty_graph: AsyncDriver, api_keys: dict[str, str]
) -> None:
    async with live_flow(settings, empty_graph, api_keys) as flow:
        claim_id = await make_claim(flow.driver)
        users = ["checker", "checker2", "editor", "editor2", "admin"]

        responses = await asyncio.gather(
            *(
                flow.act(claim_id, "accept", users[i % len(users)], version=1)
                if i % 2
                else flow.act(claim_id, "dismiss", users[i % len(users)], version=1, reason="not checkable")
                for i in range(CLIENTS)
            )
        )

        statuses = Counter(r.status_code for r in responses)
        assert statuses == {200: 1, 409: CLIENTS - 1}, statuses
        [winner] = [r.json() for r in responses if r.status_code == 200]
        losers = [r.json() for r in responses if r.status_code == 409]
        assert all(body["current_version"] == 2 for body in losers)
        row = await claim_row(flow.driver, claim_id)
        assert row["version"] == 2 and row["state"] == winner["to_state"]
        assert await event_count(flow.driver) == 1
        assert (await _verified(flow))["head_seq"] == 1


async def test_rounds_of_races_keep_one_winner_per_version_and_every_event(
    settings: Settings, empty_graph: AsyncDriver, api_keys: dict[str, str]
) -> None:
    async with live_flow(settings, empty_graph, api_keys) as flow:
        claim_id = await make_claim(flow.driver)
        rounds, successes = 6, 0

        for round_number in range(rounds):
            version = round_number + 1
            state = (await claim_row(flow.driver, claim_id))["state"]
            action, extra = (
                ("dismiss", {"reason": f"round {version}"}) if state == "candidate" else ("restore", {})
            )
            responses = await asyncio.gather(
                *(
                    flow.act(
                        claim_id, action, ["checker", "checker2", "editor"][i % 3], version=version, **extra
                    )
                    for i in range(CLIENTS)
                )
            )
            codes = Counter(r.status_code for r in responses)
            assert codes == {200: 1, 409: CLIENTS - 1}, (round_number, codes)
            successes += codes[200]

        assert (await claim_row(flow.driver, claim_id))["version"] == rounds + 1
        assert await event_count(flow.driver) == successes == rounds
        await _verified(flow)


async def test_concurrent_writes_on_many_claims_all_land_in_one_gapless_chain(
    settings: Settings, empty_graph: AsyncDriver, api_keys: dict[str, str]
) -> None:
    async with live_flow(settings, empty_graph, api_keys) as flow:
        claims = [await make_claim(flow.driver, text=f"Claim number {i}.") for i in range(CLIENTS)]

        async def accept_twice(claim_id: str) -> list[httpx.Response]:
            return list(
                await asyncio.gather(
                    flow.act(claim_id, "accept", "checker", version=1),
                    flow.act(claim_id, "accept", "checker2", version=1),
                )
            )

        results = [r for pair in await asyncio.gather(*(accept_twice(c) for c in claims)) for r in pair]

        codes = Counter(r.status_code for r in results)
        assert codes == {200: CLIENTS, 409: CLIENTS}, codes
        seqs = sorted(r.json()["event_seq"] for r in results if r.status_code == 200)
        assert seqs == list(range(1, CLIENTS + 1))
        assert await event_count(flow.driver) == CLIENTS
        assert (await _verified(flow))["checked"] == CLIENTS


async def test_concurrent_drafts_get_distinct_versions(
    settings: Settings, empty_graph: AsyncDriver, api_keys: dict[str, str]
) -> None:
    async with live_flow(settings, empty_graph, api_keys) as flow:
        claim_id = await flow.new_claim("researching")
        before = await event_count(flow.driver)

        responses = await asyncio.gather(
            *(
                flow.client.post(
                    f"/claims/{claim_id}/verdicts",
                    json={"rating": "mixed", "summary": f"Draft {i}."},
                    headers=bearer(flow.keys["checker"]),
                )
                for i in range(CLIENTS)
            )
        )

        assert all(r.status_code == 201 for r in responses), [
            r.text for r in responses if r.status_code != 201
        ]
        assert sorted(r.json()["version"] for r in responses) == list(range(1, CLIENTS + 1))
        assert await event_count(flow.driver) == before + CLIENTS
        await _verified(flow)
