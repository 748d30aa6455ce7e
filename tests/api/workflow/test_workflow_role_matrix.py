"""Every endpoint of the review workflow × every role, generated from the app's routes and the
permission table: a role without the permission gets 403, a missing or bad key 401, and a
role with it gets past the guard (a 404 or 422 for the placeholder ids and empty bodies)."""

from __future__ import annotations

import re
import uuid

import pytest
from litestar.routes import HTTPRoute
from litestar.testing import AsyncTestClient

from factcheck.app import create_app
from factcheck.auth.roles import PERMISSIONS, Permission, Role
from factcheck.problems import PROBLEM_JSON
from factcheck.settings import Settings
from factcheck.workflow.docs import CONTROLLERS, endpoint_permissions
from tests.conftest import bearer

PACKAGES = ("factcheck.workflow.", "factcheck.verdicts.", "factcheck.audit.", "factcheck.users.")


def _routes() -> list[tuple[str, str, Permission]]:
    app = create_app(Settings(_env_file=None))  # type: ignore[call-arg]
    rows: list[tuple[str, str, Permission]] = []
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for handler in route.route_handlers:
            if not handler.fn.__module__.startswith(PACKAGES):
                continue
            [guard] = [g for g in handler.resolve_guards() if g.__name__.startswith("requires_")]
            permission = Permission(guard.__name__.removeprefix("requires_"))
            path = re.sub(r":\w+}", "}", route.path)
            rows.extend((method, path, permission) for method in sorted(handler.http_methods))
    return sorted(rows, key=lambda row: (row[1], row[0]))


ROUTES = _routes()
CALLERS = [*(role.value for role in Role), "no key", "bad key"]


def test_the_matrix_covers_every_documented_endpoint() -> None:
    assert len(ROUTES) == 13
    assert [(m, re.sub(r":\w+}", "}", p), perm) for m, p, perm in endpoint_permissions(CONTROLLERS)] == ROUTES


@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize(("method", "path", "permission"), ROUTES, ids=[f"{m} {p}" for m, p, _ in ROUTES])
async def test_endpoint_by_role(
    client: AsyncTestClient,  # type: ignore[type-arg]
    api_keys: dict[str, str],
    method: str,
    path: str,
    permission: Permission,
    caller: str,
) -> None:
    url = re.sub(r"{\w+}", lambda _: f"matrix-{uuid.uuid4()}", path)
    if caller == "no key":
        headers = {"Authorization": ""}
    elif caller == "bad key":
        headers = bearer("fck_" + uuid.uuid4().hex)
    else:
        headers = bearer(api_keys[caller])
    body: dict[str, object] | None = {} if method in {"POST", "PATCH", "PUT"} else None

    response = await client.request(method, url, headers=headers, json=body)

    if caller in {"no key", "bad key"}:
        expected: set[int] | None = {401}
    elif Role(caller) in PERMISSIONS[permission]:
        expected = None
        assert response.status_code not in {401, 403}, response.text
        assert response.status_code < 500, response.text
    else:
        expected = {403}
    if expected is not None:
        assert response.status_code in expected, response.text
        assert response.headers["content-type"].startswith(PROBLEM_JSON)
