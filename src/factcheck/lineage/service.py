"""Lineage: links suggested at ingest, reviewers' decisions on them, and the cluster read."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime

from factcheck.audit.chain import AuditEvent, EventSubject, append_event
from factcheck.auth.identity import Caller
from factcheck.errors import Conflict, NotFound, Unprocessable
from factcheck.graph.store import Graph, Row, Runner, Transaction
from factcheck.lineage import repository
from factcheck.lineage.links import BatchLinks, NewClaim, choose_links, load_thresholds, search_rows, text_key
from factcheck.lineage.schemas import (
    Appearance,
    ClusterMember,
    Count,
    Lineage,
    LineageVerdict,
    LinkDecision,
    LinkOutcome,
)

__all__ = ["INGEST_CANDIDATES", "decide_link", "get_lineage", "link_new_claims"]

INGEST_CANDIDATES = 5
RELATIONS = {"same_as": "SAME_AS", "similar_to": "SIMILAR_TO"}


async def link_new_claims(runner: Runner, claims: Sequence[NewClaim], user: str) -> BatchLinks:
    """Suggests SAME_AS / SIMILAR_TO links for claims just written (two statements in all).

    Returns the links, with per new claim id what it repeats and the published verdict it matches.
    """
    rows = search_rows(claims)
    if not rows:
        return BatchLinks()
    candidates = await repository.find_candidates(runner, rows, INGEST_CANDIDATES)
    links = choose_links(claims, candidates, load_thresholds())
    if links.same or links.similar:
        await repository.create_links(runner, links.same, links.similar, user)
    return links


def _conflict(links: list[Row], relation: str, decision: str) -> str | None:
    """Why the decision contradicts what is stored, or None when it does not."""
    if any(link["rejected"] for link in links):
        return "this pair was rejected before"
    if decision == "confirm" and any(link["confirmed"] and link["relation"] == relation for link in links):
        return "this link is confirmed already"
    if decision == "reject" and any(link["confirmed"] for link in links):
        return "this pair has a confirmed link; it cannot be rejected"
    return None


async def decide_link(graph: Graph, claim_id: str, data: LinkDecision, caller: Caller) -> LinkOutcome:
    """Confirms or rejects a link between two claims, audited in the same transaction.

    NotFound when either claim is missing; Unprocessable for a claim linked to itself;
    Conflict when the pair was decided before in a way this decision contradicts.
    """
    if data.other_claim_id == claim_id:
        raise Unprocessable("a claim cannot be linked to itself", field="other_claim_id")
    relation = RELATIONS[data.relation]

    async def work(tx: Transaction) -> LinkOutcome:
        pair = await repository.lock_pair(tx, claim_id, data.other_claim_id)
        if pair is None:
            raise NotFound(f"no claim has id {claim_id!r} or {data.other_claim_id!r}")
        reason = _conflict(pair["links"], relation, data.decision)
        if reason is not None:
            raise Conflict(reason)
        if data.decision == "confirm":
            row = await repository.confirm_link(
                tx, claim_id, data.other_claim_id, relation, data.reason, caller.id
            )
            assert row is not None
            score, decided_at = row["score"], row["confirmed_at"]
        else:
            keys = {"claim_key": text_key(pair["text"]), "other_key": text_key(pair["other_text"])}
            ids = {"claim_id": claim_id, "other_id": data.other_claim_id}
            row = await repository.reject_link(tx, {**ids, **keys}, relation, data.reason, caller.id)
            assert row is not None
            score, decided_at = None, row["rejected_at"]
        await append_event(
            tx,
            AuditEvent(
                user=caller.id,
                action=f"claim.link_{data.decision}ed",
                subject=EventSubject("Claim", claim_id),
                also_about=[EventSubject("Claim", data.other_claim_id)],
                data={
                    "other_claim_id": data.other_claim_id,
                    "relation": data.relation,
                    "decision": data.decision,
                    "reason": data.reason,
                },
            ),
        )
        return LinkOutcome(
            claim_id=claim_id,
            other_claim_id=data.other_claim_id,
            relation=data.relation,
            decision=data.decision,
            score=score,
            decided_by=caller.id,
            decided_at=decided_at,
        )

    return await graph.transaction(work)


def _counts(counter: Counter[tuple[str, str]]) -> list[Count]:
    return [
        Count(id=i, name=n, count=k) for (i, n), k in sorted(counter.items(), key=lambda e: (-e[1], e[0][1]))
    ]


async def get_lineage(graph: Graph, claim_id: str, as_of: datetime | None) -> Lineage:
    """The claim's SAME_AS cluster as it stood at `as_of` (now when None); NotFound for no claim."""
    stamp = as_of.isoformat() if as_of else None
    rows = await repository.claim_lineage(graph, claim_id, stamp)
    if not rows:
        raise NotFound(f"no claim has id {claim_id!r}" + (f" at {stamp}" if stamp else ""))
    members = [row["member"] for row in rows]
    dated = []
    for member in members:
        for seen in member["appearances"]:
            fields = {k: member[k] for k in ("stated_by", "reported_by", "confirmed", "text")}
            appearance = Appearance(claim_id=member["id"], **fields, **seen)
            dated.append((seen["epoch"], appearance))
    appearances = [a for _, a in sorted(dated, key=lambda e: (e[0], e[1].claim_id))]
    by_source: Counter[tuple[str, str]] = Counter()
    by_actor: Counter[tuple[str, str]] = Counter()
    for appearance in appearances:
        if appearance.source is not None:
            by_source[(appearance.source.id, appearance.source.name)] += 1
        for actor in appearance.stated_by:
            by_actor[(actor.id, actor.name)] += 1
    verdicts = [v for member in members for v in member.pop("verdicts")]
    return Lineage(
        claim_id=claim_id,
        as_of=stamp,
        first_appearance=appearances[0] if appearances else None,
        appearances=appearances,
        members=[
            ClusterMember.model_validate(m) for m in sorted(members, key=lambda m: m["created_at"] or "")
        ],
        verdicts=[
            LineageVerdict.model_validate(v) for v in sorted(verdicts, key=lambda v: v["published_at"] or "")
        ],
        by_source=_counts(by_source),
        by_actor=_counts(by_actor),
    )
