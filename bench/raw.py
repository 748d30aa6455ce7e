"""The driver side: the service's Cypher, run through the raw async driver with nothing around it.

Query texts come from the same `cypher/queries/<name>.cypher` files the service loads, and
parameters are built the way the service builds them.
"""

from __future__ import annotations

from typing import Any, LiteralString

from neo4j import AsyncDriver, AsyncManagedTransaction, Record, RoutingControl

from factcheck.articles.plan import BatchPlan, resolved_articles
from factcheck.audit.chain import AuditEvent, EventSubject, append_event
from factcheck.graph.queries import QueryCatalog, QueryName
from factcheck.graph.store import Transaction
from factcheck.settings import PROJECT_ROOT
from factcheck.workflow.table import CYPHER_STATES, TABLE, Action, ClaimState

__all__ = ["WORKFLOW_CYCLE", "RawDriver", "load_queries"]

# Two rows of the workflow table that take a claim out of triage and back, forever:
# candidate <-> dismissed. state -> (action, next state, reason).
WORKFLOW_CYCLE: dict[str, tuple[str, str, str]] = {
    row.source.value: (
        row.action.value,
        row.target.value,
        "not worth checking this week" if row.reason else "",
    )
    for row in (TABLE[ClaimState.CANDIDATE, Action.DISMISS], TABLE[ClaimState.DISMISSED, Action.RESTORE])
}


def load_queries() -> QueryCatalog:
    """Every query file of the repository, as the service loads them."""
    return QueryCatalog.load(PROJECT_ROOT / "cypher" / "queries", required=frozenset())


class RawDriver:
    """One async driver and the query texts; each method is one or a few round trips."""

    def __init__(self, driver: AsyncDriver, queries: QueryCatalog, database: str) -> None:
        self.driver = driver
        self.queries = queries
        self.database = database

    def text(self, name: str) -> LiteralString:
        """The text of `cypher/queries/<name>.cypher`."""
        return self.queries[QueryName(name)]

    async def read(self, name: str, params: dict[str, Any]) -> int:
        """Runs a read query and fetches every record; returns how many there were."""
        return len(await self.records(name, params))

    async def records(self, name: str, params: dict[str, Any]) -> list[Record]:
        """Every record of a read query, fetched with the same driver call as `Graph.run`.

        One managed read transaction in a session that shares the driver's bookmark manager.
        """
        text, sent = self.text(name), {**CYPHER_STATES, **params}  # the states, as the service sends

        async def work(tx: AsyncManagedTransaction) -> list[Record]:
            result = await tx.run(text, sent)
            return [record async for record in result]

        async with self.driver.session(
            database=self.database, bookmark_manager=self.driver.execute_query_bookmark_manager
        ) as session:
            return await session.execute_read(work)

    async def claim(self, claim_id: str) -> tuple[str, int]:
        """The claim's workflow state and version, read with claims/get_claim."""
        records, _, _ = await self.driver.execute_query(
            self.text("claims/get_claim"),
            {"id": claim_id, **CYPHER_STATES},
            database_=self.database,
            routing_=RoutingControl.READ,
        )
        claim = records[0]["claim"]
        return str(claim["state"]), int(claim["version"])

    async def write_articles(self, plan: BatchPlan, user: str) -> int:
        """The article batch write: sources, actors, affiliations and articles in one transaction.

        The same statements and rows as the service's batch write, without its dedupe read and
        its audit event. Returns the number of articles written.
        """

        async def work(tx: AsyncManagedTransaction) -> int:
            sources = await _rows(tx, self.text("sources/upsert_sources"), {"sources": plan.sources})
            actors = await _rows(tx, self.text("actors/upsert_actors"), {"actors": plan.actors})
            source_ids = {row["key"]: row["id"] for row in sources}
            actor_ids = {row["key"]: row["id"] for row in actors}
            affiliations = [
                {"member_id": actor_ids[m], "group_id": actor_ids[g]}
                for m, g in plan.affiliations
                if m in actor_ids and g in actor_ids and actor_ids[m] != actor_ids[g]
            ]
            if affiliations:
                await _rows(tx, self.text("actors/link_affiliations"), {"affiliations": affiliations})
            articles = resolved_articles(plan, actor_ids, source_ids)
            [row] = await _rows(
                tx,
                self.text("articles/create_articles"),
                {"articles": articles, "user": user, **CYPHER_STATES},
            )
            return int(row["created"])

        async with self.driver.session(database=self.database) as session:
            return await session.execute_write(work)

    async def transition(self, claim_id: str, version: int, user: str) -> tuple[str, str, int]:
        """One step of WORKFLOW_CYCLE: lock the claim, move it, append the audit event.

        Returns ("ok", new state, new version), or ("conflict", current state, current version)
        when the claim is no longer at `version` (the service answers 409 then).
        """

        async def work(tx: AsyncManagedTransaction) -> tuple[str, str, int]:
            [row] = await _rows(
                tx, self.text("claims/lock_claim"), {"id": claim_id, "verdict_id": None, **CYPHER_STATES}
            )
            state, current = str(row["state"]), int(row["version"])
            if current != version or state not in WORKFLOW_CYCLE:
                return "conflict", state, current
            action, target, reason = WORKFLOW_CYCLE[state]
            moved = await _rows(
                tx,
                self.text("workflow/move_claim"),
                {"id": claim_id, "from_state": state, "to_state": target, "version": version},
            )
            if not moved:
                return "conflict", state, current
            new_version = int(moved[0]["version"])
            data: dict[str, Any] = {"version": new_version, **({"reason": reason} if reason else {})}
            await append_event(
                Transaction(tx, self.queries),
                AuditEvent(
                    user=user,
                    action=f"claim.{action}",
                    subject=EventSubject("Claim", claim_id),
                    from_state=state,
                    to_state=target,
                    data=data,
                ),
            )
            return "ok", target, new_version

        async with self.driver.session(database=self.database) as session:
            return await session.execute_write(work)


async def _rows(
    tx: AsyncManagedTransaction, text: LiteralString, params: dict[str, Any]
) -> list[dict[str, Any]]:
    result = await tx.run(text, params)
    return [record.data() async for record in result]
