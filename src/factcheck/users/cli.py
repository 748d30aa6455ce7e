"""`factcheck users add|list|disable|enable|rotate`: user management straight on the graph.

The commands use the Neo4j of the settings (starting the local one when needed), apply
pending migrations, and record each change in the audit chain as the user `cli`.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable
from typing import TypeVar

from neo4j.exceptions import Neo4jError, ServiceUnavailable
from pydantic import ValidationError

from factcheck.auth.roles import Role
from factcheck.errors import FactcheckError
from factcheck.graph.session import open_graph
from factcheck.graph.store import Graph
from factcheck.settings import Settings
from factcheck.users import service
from factcheck.users.schemas import User, UserCreate, UserWithKey

__all__ = ["register_users_commands"]

T = TypeVar("T")
Prepare = Callable[[Settings], None]


async def _on_graph(settings: Settings, work: Callable[[Graph], Awaitable[T]]) -> T:
    async with open_graph(settings) as graph:
        return await work(graph)


def _line(user: User) -> str:
    status = "disabled" if user.disabled else "enabled"
    return f"{user.id}  {user.name:<24}  {user.role.value:<8}  {status:<8}  {user.created_at or ''}"


def _print_key(user: UserWithKey, verb: str) -> None:
    print(f"{verb} {user.role.value} {user.name!r} (id {user.id})")
    print("API key, shown only this once (the graph keeps only its hash):")
    print(user.key)


async def _add(graph: Graph, args: argparse.Namespace) -> None:
    data = UserCreate(name=args.name, role=args.role)
    _print_key(await service.create_user(graph, service.CLI_ACTOR, data.name, data.role), "created")


async def _list(graph: Graph, args: argparse.Namespace) -> None:
    users = await service.list_users(graph)
    print(f"{'id':<36}  {'name':<24}  {'role':<8}  {'status':<8}  created_at")
    for user in users:
        print(_line(user))


async def _disable(graph: Graph, args: argparse.Namespace) -> None:
    user = await service.resolve_user(graph, args.user)
    print(_line(await service.set_disabled(graph, service.CLI_ACTOR, user.id, disabled=True)))


async def _enable(graph: Graph, args: argparse.Namespace) -> None:
    user = await service.resolve_user(graph, args.user)
    print(_line(await service.set_disabled(graph, service.CLI_ACTOR, user.id, disabled=False)))


async def _rotate(graph: Graph, args: argparse.Namespace) -> None:
    user = await service.resolve_user(graph, args.user)
    _print_key(await service.rotate_key(graph, service.CLI_ACTOR, user.id), "rotated the key of")


def _command(
    prepare: Prepare, action: Callable[[Graph, argparse.Namespace], Awaitable[None]]
) -> Callable[[argparse.Namespace, Settings], int]:
    def run(args: argparse.Namespace, settings: Settings) -> int:
        prepare(settings)
        try:
            asyncio.run(_on_graph(settings, lambda graph: action(graph, args)))
        except FactcheckError as exc:
            print(f"factcheck users: {exc.detail}", file=sys.stderr)
            return 1
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            print(f"factcheck users: {problems}", file=sys.stderr)
            return 2
        except (ServiceUnavailable, Neo4jError, OSError) as exc:
            print(f"factcheck users: Neo4j at {settings.bolt_uri} failed: {exc}", file=sys.stderr)
            return 1
        return 0

    return run


def register_users_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], prepare: Prepare
) -> None:
    """Adds `users add|list|disable|enable|rotate`; `prepare` starts the local Neo4j when needed."""
    users = commands.add_parser("users", help="API users: add, list, disable, enable, rotate keys")
    actions = users.add_subparsers(dest="action", required=True)

    add = actions.add_parser("add", help="create a user and print their API key once")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=[role.value for role in Role])
    add.set_defaults(run=_command(prepare, _add))

    actions.add_parser("list", help="list users (never their keys)").set_defaults(
        run=_command(prepare, _list)
    )

    for name, action, help_text in (
        ("disable", _disable, "disable a user; their key stops working"),
        ("enable", _enable, "enable a disabled user again"),
        ("rotate", _rotate, "give a user a new key (printed once); the old one stops working"),
    ):
        sub = actions.add_parser(name, help=help_text)
        sub.add_argument("user", help="the user's id or name")
        sub.set_defaults(run=_command(prepare, action))
