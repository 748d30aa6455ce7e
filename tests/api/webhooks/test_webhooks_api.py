"""`/webhooks` over HTTP: registration, validation, the role matrix, reads, deactivation, audit."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import AsyncDriver

from factcheck.audit.chain import canonical_json
from factcheck.graph.store import Graph
from tests.api.webhooks.support import SECRET, Client, publish, register
from tests.conftest import bearer


async def counts(driver: AsyncDriver) -> dict[str, int]:
    """Webhooks, deliveries and audit events in the graph."""
    records, _, _ = await driver.execute_query(
        "RETURN COUNT { (:Webhook) } AS webhooks, COUNT { (:Delivery) } AS deliveries,"
        " COUNT { (:Event) } AS events"
    )
    return dict(records[0].data())


async def audit_events(driver: AsyncDriver, webhook_id: str) -> list[dict[str, Any]]:
    records, _, _ = await driver.execute_query(
        "MATCH (e:Event)-[:ABOUT]->(:Webhook {id: $id})"
        " RETURN e.action AS action, e.user AS user, e.from_state AS from_state,"
        " e.to_state AS to_state, e.data AS data ORDER BY e.seq",
        id=webhook_id,
    )
    return [r.data() for r in records]


async def test_register_returns_the_webhook_without_its_secret(
    client: Client, api_keys: dict[str, str], webhook_graph: AsyncDriver
) -> None:
    body = {
        "url": "http://127.0.0.1:9/hook",
        "events": ["verdict.withdrawn", "verdict.published", "verdict.published"],
        "secret": SECRET,
    }
    response = await client.post("/webhooks", json=body, headers=bearer(api_keys["editor"]))
    assert response.status_code == 201, response.text
    hook = response.json()
    assert SECRET not in response.text and "secret" not in {k for k in hook if k != "secret_hint"}
    assert hook["secret_hint"] == SECRET[-4:]
    assert hook["url"] == "http://127.0.0.1:9/hook"
    assert hook["events"] == ["verdict.published", "verdict.withdrawn"]  # duplicates collapse
    assert hook["active"] is True and hook["deactivated_at"] is None
    records, _, _ = await webhook_graph.execute_query(
        "MATCH (u:User {name: 'test-editor'}) RETURN u.id AS id"
    )
    assert hook["created_by"] == records[0]["id"]

    [event] = await audit_events(webhook_graph, hook["id"])
    assert event["action"] == "webhook.created" and event["user"] == hook["created_by"]
    assert event["to_state"] == "active"
    assert SECRET not in event["data"]
    assert event["data"] == canonical_json(
        {"events": hook["events"], "secret_hint": SECRET[-4:], "url": hook["url"]}
    )

    for path in ("/webhooks", f"/webhooks/{hook['id']}"):
        read = await client.get(path)
        assert read.status_code == 200 and SECRET not in read.text
    assert (await client.get(f"/webhooks/{hook['id']}")).json() == hook


VALID: dict[str, Any] = {"url": "http://127.0.0.1:9/hook", "events": ["verdict.published"], "secret": SECRET}
BAD_INPUTS: list[tuple[str, dict[str, Any]]] = [
    ("no events", {**VALID, "events": []}),
    ("unknown event", {**VALID, "events": ["verdict.published", "verdict.drafted"]}),
    ("events not a list", {**VALID, "events": "verdict.published"}),
    ("events missing", {"url": VALID["url"], "secret": SECRET}),
    ("secret of 15 characters", {**VALID, "secret": "s" * 15}),
    ("secret of 257 characters", {**VALID, "secret": "s" * 257}),
    ("secret missing", {"url": VALID["url"], "events": VALID["events"]}),
    ("secret not a string", {**VALID, "secret": 1234567890123456789}),
    ("not a URL", {**VALID, "url": "not a url"}),
    ("ftp URL", {**VALID, "url": "ftp://127.0.0.1/hook"}),
    ("private address", {**VALID, "url": "http://10.0.0.1/hook"}),
    ("private range 192.168", {**VALID, "url": "https://192.168.1.5/hook"}),
    ("link-local address", {**VALID, "url": "http://169.254.169.254/latest/meta-data"}),
    ("IPv6 loopback, not allowlisted", {**VALID, "url": "http://[::1]:9/hook"}),
    ("unknown field", {**VALID, "active": False}),
]


@pytest.mark.parametrize(("case", "body"), BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS])
async def test_bad_registration_is_422_and_writes_nothing(
    client: Client, webhook_graph: AsyncDriver, case: str, body: dict[str, Any]
) -> None:
    before = await counts(webhook_graph)
    response = await client.post("/webhooks", json=body)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["detail"]
    assert SECRET not in response.text
    assert await counts(webhook_graph) == before


async def test_private_target_names_the_address(client: Client) -> None:
    response = await client.post("/webhooks", json={**VALID, "url": "http://10.0.0.1/hook"})
    assert response.status_code == 422
    problem = response.json()
    assert problem["type"].endswith("/url-refused") and "10.0.0.1" in problem["detail"]


ROUTES = [
    ("POST", "/webhooks"),
    ("GET", "/webhooks"),
    ("GET", "/webhooks/{id}"),
    ("GET", "/webhooks/{id}/deliveries"),
    ("DELETE", "/webhooks/{id}"),
]


@pytest.mark.parametrize(("method", "path"), ROUTES)
@pytest.mark.parametrize(
    ("role", "status"),
    [("reader", 403), ("checker", 403), ("auditor", 403), (None, 401), ("bad", 401)],
)
async def test_only_editors_and_admins_manage_webhooks(
    client: Client,
    api_keys: dict[str, str],
    webhook_graph: AsyncDriver,
    method: str,
    path: str,
    role: str | None,
    status: int,
) -> None:
    webhook_id = await register(client, VALID["url"])
    headers = {"Authorization": ""} if role is None else bearer(api_keys.get(role, "fck_wrong"))
    before = await counts(webhook_graph)
    response = await client.request(
        method, path.format(id=webhook_id), json=VALID if method == "POST" else None, headers=headers
    )
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert await counts(webhook_graph) == before


@pytest.mark.parametrize("role", ["editor", "admin"])
async def test_editors_and_admins_use_every_route(
    client: Client, api_keys: dict[str, str], role: str
) -> None:
    headers = bearer(api_keys[role])
    created = await client.post("/webhooks", json=VALID, headers=headers)
    assert created.status_code == 201, created.text
    webhook_id = created.json()["id"]
    assert (await client.get("/webhooks", headers=headers)).status_code == 200
    assert (await client.get(f"/webhooks/{webhook_id}", headers=headers)).status_code == 200
    assert (await client.get(f"/webhooks/{webhook_id}/deliveries", headers=headers)).status_code == 200
    assert (await client.delete(f"/webhooks/{webhook_id}", headers=headers)).status_code == 204


async def test_list_shows_active_webhooks_newest_first(client: Client) -> None:
    first = await register(client, "http://127.0.0.1:9/first")
    second = await register(client, "http://127.0.0.1:9/second", ["claim.reopened"])
    third = await register(client, "http://127.0.0.1:9/third")
    assert (await client.delete(f"/webhooks/{second}")).status_code == 204

    listed = (await client.get("/webhooks")).json()["items"]
    assert [h["id"] for h in listed] == [third, first]
    everything = (await client.get("/webhooks", params={"include_inactive": "true"})).json()["items"]
    assert [h["id"] for h in everything] == [third, second, first]
    assert [h["active"] for h in everything] == [True, False, True]


async def test_unknown_webhook_is_404(client: Client) -> None:
    for method, path in [
        ("GET", "/webhooks/nope"),
        ("DELETE", "/webhooks/nope"),
        ("GET", "/webhooks/nope/deliveries"),
    ]:
        response = await client.request(method, path)
        assert response.status_code == 404, (method, path, response.text)
        assert "nope" in response.json()["detail"]


async def test_deactivation_cancels_pending_deliveries_and_is_audited(
    client: Client, api_keys: dict[str, str], webhook_graph: AsyncDriver, graph: Graph, quiet_outbox: None
) -> None:
    webhook_id = await register(client, VALID["url"])
    other_id = await register(client, "http://127.0.0.1:9/other")
    for n in range(2):
        assert await publish(graph, "verdict.published", {"claim_id": f"c{n}"}) == 2

    response = await client.delete(f"/webhooks/{webhook_id}", headers=bearer(api_keys["editor"]))
    assert response.status_code == 204, response.text

    hook = (await client.get(f"/webhooks/{webhook_id}")).json()
    assert hook["active"] is False and hook["deactivated_at"] and hook["deactivated_by"]
    page = (await client.get(f"/webhooks/{webhook_id}/deliveries")).json()
    assert [d["status"] for d in page["items"]] == ["cancelled", "cancelled"]
    assert all(d["next_attempt_at"] is None for d in page["items"])
    others = (await client.get(f"/webhooks/{other_id}/deliveries")).json()["items"]
    assert [d["status"] for d in others] == ["pending", "pending"]

    events = await audit_events(webhook_graph, webhook_id)
    assert [e["action"] for e in events] == ["webhook.created", "webhook.deactivated"]
    assert events[1]["from_state"] == "active" and events[1]["to_state"] == "inactive"
    assert events[1]["data"] == canonical_json({"cancelled_deliveries": 2})

    # Deactivated webhooks get no new deliveries; deactivating again is a conflict.
    assert await publish(graph, "verdict.published", {"claim_id": "c9"}) == 1
    before = await counts(webhook_graph)
    again = await client.delete(f"/webhooks/{webhook_id}")
    assert again.status_code == 409 and "already deactivated" in again.json()["detail"]
    assert await counts(webhook_graph) == before


async def test_deliveries_page_newest_first(client: Client, graph: Graph, quiet_outbox: None) -> None:
    webhook_id = await register(client, VALID["url"], ["verdict.published", "claim.reopened"])
    for n in range(5):
        event = "claim.reopened" if n == 2 else "verdict.published"
        await publish(graph, event, {"n": n, "at": "2024-01-25"})

    seen: list[int] = []
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        response = await client.get(f"/webhooks/{webhook_id}/deliveries", params=params)
        assert response.status_code == 200, response.text
        page = response.json()
        assert len(page["items"]) <= 2
        seen += [d["payload"]["n"] for d in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [4, 3, 2, 1, 0]

    page = (await client.get(f"/webhooks/{webhook_id}/deliveries", params={"limit": 1})).json()
    [newest] = page["items"]
    assert newest["payload"] == {"n": 4, "at": "2024-01-25"}
    assert newest["event_type"] == "verdict.published" and newest["webhook_id"] == webhook_id
    assert newest["status"] == "pending" and newest["attempts"] == 0
    assert newest["next_attempt_at"] and newest["created_at"]
    assert newest["delivered_at"] is None and newest["last_error"] is None

    reopened = await client.get(f"/webhooks/{webhook_id}/deliveries", params={"status": "pending"})
    assert len(reopened.json()["items"]) == 5
    delivered = await client.get(f"/webhooks/{webhook_id}/deliveries", params={"status": "delivered"})
    assert delivered.json() == {"items": [], "next_cursor": None}


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"cursor": "not-a-cursor"}, 400),
        ({"limit": 0}, 422),
        ({"limit": 101}, 422),
        ({"status": "exploded"}, 422),
    ],
)
async def test_bad_delivery_query_is_refused(client: Client, params: dict[str, Any], status: int) -> None:
    webhook_id = await register(client, VALID["url"])
    response = await client.get(f"/webhooks/{webhook_id}/deliveries", params=params)
    assert response.status_code == status, response.text
