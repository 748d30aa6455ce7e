"""`verify_chain` against a real chain in Neo4j, untouched and tampered with in every way."""

from __future__ import annotations

import pytest
from neo4j import AsyncDriver

from factcheck.audit.chain import AuditEvent, EventSubject, append_event, append_events, event_hash
from factcheck.audit.verify import BreakReason, verify_chain
from factcheck.graph.queries import QueryCatalog
from factcheck.graph.store import Graph
from factcheck.settings import Settings

EVENTS = 30


@pytest.fixture
async def graph(settings: Settings, empty_graph: AsyncDriver) -> Graph:
    """The app's graph handle over an empty graph holding a chain of EVENTS events."""
    graph = Graph(empty_graph, QueryCatalog.load(settings.cypher_dir / "queries"), settings.neo4j_database)
    await empty_graph.execute_query("CREATE (:Claim {id: 'claim-1', state: 'candidate', version: 1})")
    for i in range(EVENTS):
        event = AuditEvent(
            user="tester",
            action="claim.accept",
            subject=EventSubject("Claim", "claim-1"),
            from_state="candidate",
            to_state="queued",
            data={"version": i + 2, "reason": 'Ünïcode and "quotes"'},
        )
        await graph.transaction(lambda tx, e=event: append_event(tx, e))  # type: ignore[misc]
    return graph


async def _run(driver: AsyncDriver, cypher: str, **params: object) -> None:
    await driver.execute_query(cypher, params)


async def test_an_untouched_chain_verifies_in_pages(graph: Graph) -> None:
    report = await verify_chain(graph, page_size=7)
    assert report.ok and report.checked == EVENTS and report.head_seq == EVENTS
    assert report.pages == 5  # 7 + 7 + 7 + 7 + 2


async def test_an_empty_chain_is_ok(empty_graph: AsyncDriver, settings: Settings) -> None:
    graph = Graph(empty_graph, QueryCatalog.load(settings.cypher_dir / "queries"), settings.neo4j_database)
    report = await verify_chain(graph)
    assert report.ok and report.checked == 0 and report.head_seq == 0


async def test_an_edited_event_is_a_hash_mismatch_at_its_seq(graph: Graph) -> None:
    await _run(graph.driver, "MATCH (e:Event {seq: 12}) SET e.data = '{\"version\":99}'")
    report = await verify_chain(graph, page_size=5)
    assert not report.ok and report.broken is not None
    assert (report.broken.seq, report.broken.reason) == (12, BreakReason.HASH_MISMATCH)
    assert report.checked == 11
    records, _, _ = await graph.driver.execute_query("MATCH (e:Event {seq: 12}) RETURN e.id AS id")
    assert report.broken.event_id == records[0]["id"]


@pytest.mark.parametrize("field", ["user", "action", "at", "to_state", "subject"])
async def test_any_hashed_field_edited_is_caught(graph: Graph, field: str) -> None:
    await _run(graph.driver, f"MATCH (e:Event {{seq: 3}}) SET e.{field} = 'forged'")
    report = await verify_chain(graph)
    assert report.broken is not None
    assert (report.broken.seq, report.broken.reason) == (3, BreakReason.HASH_MISMATCH)


async def test_an_edited_event_with_a_recomputed_hash_breaks_the_next_link(graph: Graph) -> None:
    records, _, _ = await graph.driver.execute_query("MATCH (e:Event {seq: 20}) RETURN e {.*} AS e")
    forged = dict(records[0]["e"], user="someone-else")
    forged_hash = event_hash(forged["prev_hash"], forged)
    await _run(
        graph.driver, "MATCH (e:Event {seq: 20}) SET e.user = 'someone-else', e.hash = $h", h=forged_hash
    )
    report = await verify_chain(graph)
    assert report.broken is not None
    assert (report.broken.seq, report.broken.reason) == (21, BreakReason.PREV_HASH_MISMATCH)


async def test_a_deleted_event_is_a_missing_seq(graph: Graph) -> None:
    await _run(graph.driver, "MATCH (e:Event {seq: 17}) DETACH DELETE e")
    report = await verify_chain(graph, page_size=4)
    assert report.broken is not None
    assert (report.broken.seq, report.broken.reason) == (17, BreakReason.MISSING_SEQ)
    records, _, _ = await graph.driver.execute_query("MATCH (e:Event {seq: 18}) RETURN e.id AS id")
    assert report.broken.event_id == records[0]["id"] and "found seq 18" in report.broken.detail


async def test_deleting_the_latest_events_is_caught_by_the_head(graph: Graph) -> None:
    await _run(graph.driver, "MATCH (e:Event) WHERE e.seq > 27 DETACH DELETE e")
    report = await verify_chain(graph)
    assert report.broken is not None
    assert (report.broken.seq, report.broken.reason) == (28, BreakReason.MISSING_SEQ)
    assert report.checked == 27


async def test_a_deleted_head_with_events_left_is_caught(graph: Graph) -> None:
    await _run(graph.driver, "MATCH (h:AuditHead) DELETE h")
    report = await verify_chain(graph)
    assert report.broken is not None and report.broken.reason is BreakReason.HEAD_MISMATCH


async def test_a_rewritten_head_hash_is_caught(graph: Graph) -> None:
    await _run(graph.driver, "MATCH (h:AuditHead) SET h.hash = 'f' + substring(h.hash, 1)")
    report = await verify_chain(graph)
    assert report.broken is not None
    assert (report.broken.seq, report.broken.reason) == (EVENTS, BreakReason.HEAD_MISMATCH)


async def test_a_cut_follows_link_is_caught(graph: Graph) -> None:
    await _run(graph.driver, "MATCH (:Event {seq: 9})-[f:FOLLOWS]->() DELETE f")
    report = await verify_chain(graph)
    assert report.broken is not None
    assert (report.broken.seq, report.broken.reason) == (9, BreakReason.FOLLOWS_MISMATCH)


async def test_a_swapped_prev_hash_is_caught(graph: Graph) -> None:
    await _run(graph.driver, "MATCH (e:Event {seq: 5}) SET e.prev_hash = 'abc'")
    report = await verify_chain(graph)
    assert report.broken is not None
    assert (report.broken.seq, report.broken.reason) == (5, BreakReason.PREV_HASH_MISMATCH)


async def test_events_appended_together_continue_the_chain(graph: Graph, empty_graph: AsyncDriver) -> None:
    subject = EventSubject("Claim", "claim-1")
    events = [
        AuditEvent(user="tester", action="claim.take", subject=subject, data={"n": 1}),
        AuditEvent(user="tester", action="claim.start", subject=subject, at="2024-01-24T10:00:00+00:00"),
    ]
    first, second = await graph.transaction(lambda tx: append_events(tx, events))
    assert (first["seq"], second["seq"]) == (EVENTS + 1, EVENTS + 2)
    assert second["prev_hash"] == first["hash"] and second["hash"] == event_hash(first["hash"], second)
    assert second["at"] == "2024-01-24T10:00:00+00:00"
    records, _, _ = await empty_graph.execute_query(
        "MATCH (e:Event {seq: $seq})-[:FOLLOWS]->(p:Event) MATCH (e)-[:ABOUT]->(c:Claim)"
        " RETURN p.seq AS prev, c.id AS about",
        seq=EVENTS + 2,
    )
    assert [(r["prev"], r["about"]) for r in records] == [(EVENTS + 1, "claim-1")]
    report = await verify_chain(graph)
    assert report.ok and report.checked == EVENTS + 2 and report.head_seq == EVENTS + 2
    assert await graph.transaction(lambda tx: append_events(tx, [])) == []
