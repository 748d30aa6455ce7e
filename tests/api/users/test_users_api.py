"""`/users`: admins create, list, disable, enable and rotate; keys are shown once, stored hashed."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from factcheck.auth.keys import KEY_PREFIX, hash_key
from factcheck.problems import PROBLEM_JSON
from tests.api.workflow.support import Flow, event_count
from tests.conftest import bearer


def _name(prefix: str = "user") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


async def _create(flow: Flow, role: str = "checker", name: str | None = None) -> dict[str, Any]:
    response = await flow.client.post("/users", json={"name": name or _name(), "role": role})
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def _works(flow: Flow, key: str) -> int:
    return (await flow.client.get("/workflow", headers=bearer(key))).status_code


async def test_a_new_users_key_is_shown_once_and_only_its_hash_is_stored(flow: Flow) -> None:
    name = _name("alice")
    created = await _create(flow, "checker", name)

    assert created["key"].startswith(KEY_PREFIX) and created["role"] == "checker" and not created["disabled"]
    assert await _works(flow, created["key"]) == 200
    records, _, _ = await flow.driver.execute_query(
        "MATCH (u:User {id: $id}) RETURN u {.*} AS u", id=created["id"]
    )
    stored = records[0]["u"]
    assert stored["key_hash"] == hash_key(created["key"])
    assert created["key"] not in {str(value) for value in stored.values()}

    listed = (await flow.client.get("/users")).json()["items"]
    [mine] = [u for u in listed if u["id"] == created["id"]]
    assert mine == {k: v for k, v in created.items() if k != "key"}
    assert all("key" not in u and "key_hash" not in u for u in listed)

    history = await flow.driver.execute_query(
        "MATCH (e:Event {action: 'user.create'})-[:ABOUT]->(:User {id: $id})"
        " RETURN e.data AS data, e.user AS by",
        id=created["id"],
    )
    [event] = history.records
    assert event["by"] == flow.ids["admin"] and created["key"] not in event["data"]


@pytest.mark.parametrize(
    "body",
    [
        {"name": "bob", "role": "superuser"},
        {"name": "", "role": "checker"},
        {"name": "   ", "role": "checker"},
        {"name": "bob\nsmith", "role": "checker"},
        {"name": "x" * 101, "role": "checker"},
        {"name": "bob"},
        {"name": "bob", "role": "checker", "key": "fck_chosen"},
    ],
)
async def test_bad_user_bodies_are_422_and_create_nothing(flow: Flow, body: dict[str, str]) -> None:
    before = await event_count(flow.driver)
    response = await flow.client.post("/users", json=body)
    assert response.status_code == 422 and response.headers["content-type"].startswith(PROBLEM_JSON)
    assert await event_count(flow.driver) == before


async def test_a_taken_name_is_409(flow: Flow) -> None:
    name = _name()
    await _create(flow, name=name)
    again = await flow.client.post("/users", json={"name": name, "role": "editor"})
    assert again.status_code == 409 and again.json()["name"] == name


async def test_a_disabled_users_key_stops_working_at_once_and_enabling_restores_it(flow: Flow) -> None:
    user = await _create(flow, "editor")
    assert await _works(flow, user["key"]) == 200  # now cached by the app

    disabled = await flow.client.post(f"/users/{user['id']}/disable")
    assert disabled.status_code == 200 and disabled.json()["disabled"] is True
    assert await _works(flow, user["key"]) == 401
    assert (await flow.client.post(f"/users/{user['id']}/disable")).status_code == 409

    enabled = await flow.client.post(f"/users/{user['id']}/enable")
    assert enabled.status_code == 200 and enabled.json()["disabled"] is False
    assert await _works(flow, user["key"]) == 200
    assert (await flow.client.post(f"/users/{user['id']}/enable")).status_code == 409


async def test_rotating_replaces_the_key_at_once(flow: Flow) -> None:
    user = await _create(flow, "auditor")
    assert await _works(flow, user["key"]) == 200

    rotated = await flow.client.post(f"/users/{user['id']}/rotate")

    assert rotated.status_code == 200
    new_key = rotated.json()["key"]
    assert new_key != user["key"] and rotated.json()["id"] == user["id"]
    assert await _works(flow, user["key"]) == 401
    assert await _works(flow, new_key) == 200


@pytest.mark.parametrize("action", ["disable", "enable", "rotate"])
async def test_an_unknown_user_is_404(flow: Flow, action: str) -> None:
    response = await flow.client.post(f"/users/no-such-user/{action}")
    assert response.status_code == 404 and response.headers["content-type"].startswith(PROBLEM_JSON)


async def test_the_last_enabled_admin_cannot_be_disabled(flow: Flow) -> None:
    admin = await _create(flow, "admin")
    records, _, _ = await flow.driver.execute_query(
        "MATCH (u:User) WHERE 'admin' IN u.roles AND NOT u.disabled AND u.id <> $id"
        " SET u.disabled = true RETURN collect(u.id) AS ids",
        id=admin["id"],
    )
    others = records[0]["ids"]
    try:
        refused = await flow.client.post(f"/users/{admin['id']}/disable", headers=bearer(admin["key"]))
        assert refused.status_code == 409 and "last enabled admin" in refused.json()["detail"]
    finally:
        await flow.driver.execute_query(
            "MATCH (u:User) WHERE u.id IN $ids SET u.disabled = false", ids=others
        )
    allowed = await flow.client.post(f"/users/{admin['id']}/disable", headers=bearer(admin["key"]))
    assert allowed.status_code == 200
