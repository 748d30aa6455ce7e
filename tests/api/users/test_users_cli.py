"""`factcheck users add|list|disable|enable|rotate`, run as a real process against the test Neo4j."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from litestar.testing import AsyncTestClient
from neo4j import AsyncDriver

from factcheck.auth.keys import KEY_PREFIX
from factcheck.settings import Settings
from tests.conftest import bearer


def _cli(settings: Settings, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACTCHECK_", "NEO4J_"))}
    env["NEO4J_URI"] = settings.bolt_uri
    return subprocess.run(
        [sys.executable, "-m", "factcheck", "users", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


async def test_users_are_managed_from_the_command_line(
    settings: Settings,
    driver: AsyncDriver,
    client: AsyncTestClient,  # type: ignore[type-arg]
    tmp_path: Path,
) -> None:
    name = f"cli-{uuid.uuid4().hex[:8]}"

    added = _cli(settings, tmp_path, "add", name, "--role", "checker")
    assert added.returncode == 0, added.stderr
    key = added.stdout.strip().splitlines()[-1]
    assert key.startswith(KEY_PREFIX) and name in added.stdout
    assert (await client.get("/workflow", headers=bearer(key))).status_code == 200

    listed = _cli(settings, tmp_path, "list")
    assert listed.returncode == 0 and name in listed.stdout and key not in listed.stdout
    [row] = [line for line in listed.stdout.splitlines() if name in line]
    assert "checker" in row and "enabled" in row

    rotated = _cli(settings, tmp_path, "rotate", name)
    assert rotated.returncode == 0, rotated.stderr
    new_key = rotated.stdout.strip().splitlines()[-1]
    assert new_key.startswith(KEY_PREFIX) and new_key != key

    disabled = _cli(settings, tmp_path, "disable", name)
    assert disabled.returncode == 0 and "disabled" in disabled.stdout
    client.app.state.services.key_cache.clear()  # another process: the app's cache expires within 5 s
    assert (await client.get("/workflow", headers=bearer(new_key))).status_code == 401
    assert (await client.get("/workflow", headers=bearer(key))).status_code == 401

    enabled = _cli(settings, tmp_path, "enable", name)
    assert enabled.returncode == 0
    assert (await client.get("/workflow", headers=bearer(new_key))).status_code == 200

    records, _, _ = await driver.execute_query(
        "MATCH (e:Event)-[:ABOUT]->(u:User {name: $name})"
        " RETURN e.action AS action, e.user AS by ORDER BY e.seq",
        name=name,
    )
    assert [(r["action"], r["by"]) for r in records] == [
        ("user.create", "cli"),
        ("user.rotate_key", "cli"),
        ("user.disable", "cli"),
        ("user.enable", "cli"),
    ]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("add", "someone", "--role", "overlord"), 2, "invalid choice"),
        (("add", "bad\tname", "--role", "reader"), 2, "name"),
        (("disable", "no-such-user"), 1, "no user has the id or name"),
        (("rotate",), 2, "required"),
    ],
)
def test_bad_command_lines_fail_with_a_message(
    settings: Settings, tmp_path: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    result = _cli(settings, tmp_path, *args)
    assert result.returncode == code
    assert message in result.stderr


def test_a_taken_name_fails(settings: Settings, tmp_path: Path) -> None:
    name = f"cli-{uuid.uuid4().hex[:8]}"
    assert _cli(settings, tmp_path, "add", name, "--role", "reader").returncode == 0
    again = _cli(settings, tmp_path, "add", name, "--role", "reader")
    assert again.returncode == 1 and "exists already" in again.stderr
