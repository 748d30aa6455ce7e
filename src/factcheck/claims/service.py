"""Claim reads, search, and claims added by hand."""

from __future__ import annotations

import uuid

from factcheck.actors import service as actors
from factcheck.actors.rows import named_actor_row
from factcheck.audit.chain import AuditEvent, EventSubject, append_event
from factcheck.auth.identity import Caller
from factcheck.claims import repository
from factcheck.claims.schemas import Claim, ClaimCreate, ClaimDetail, ClaimPage, DuplicateCandidate
from factcheck.errors import NotFound, Unprocessable
from factcheck.extraction import score_checkworthiness
from factcheck.extraction.kinds import KINDS, classify
from factcheck.graph.store import Graph, Transaction
from factcheck.pagination import KEYSET, OFFSET, decode_cursor, encode_cursor
from factcheck.search import fulltext_query, token_similarity
from factcheck.workflow.table import INITIAL_STATE, ClaimFacts, allowed_actions

__all__ = ["ClaimFilters", "add_claim", "find_duplicates", "get_claim", "list_claims"]

DUPLICATE_SIMILARITY = 0.5
ClaimFilters = dict[str, str | None]


async def get_claim(graph: Graph, claim_id: str, caller: Caller | None = None) -> ClaimDetail:
    """The claim with its span, actors and sources, and the actions `caller` may take now.

    Raises NotFound when no claim has that id.
    """
    row = await repository.get_claim(graph, claim_id)
    if row is None:
        raise NotFound(f"no claim has id {claim_id!r}")
    facts = ClaimFacts(
        assignee=row["assignee"],
        submitted_by=row.pop("submitted_by", None),
        authors=frozenset(row.pop("verdict_authors", None) or ()),
    )
    detail = ClaimDetail.model_validate(row)
    detail.actions = allowed_actions(detail.state, caller, facts) if caller else []
    return detail


async def list_claims(
    graph: Graph, filters: ClaimFilters, q: str | None, cursor: str | None, limit: int
) -> ClaimPage:
    """Claims matching the filters: newest first, or by full-text score when `q` is given."""
    if q is not None:
        lucene = fulltext_query(q)
        if lucene is None:
            raise Unprocessable("the search text `q` has no words to search for", field="q")
        [skip] = decode_cursor(cursor, OFFSET)
        offset = skip or 0
        rows = await repository.search_claims(graph, q=lucene, skip=offset, limit=limit + 1, **filters)
        items = [Claim.model_validate(row) for row in rows[:limit]]
        return ClaimPage(
            items=items, next_cursor=encode_cursor(offset + limit) if len(rows) > limit else None
        )
    after_at, after_id = decode_cursor(cursor, KEYSET)
    rows = await repository.list_claims(
        graph, after_at=after_at, after_id=after_id, limit=limit + 1, **filters
    )
    items = [Claim.model_validate(row) for row in rows[:limit]]
    last = items[-1] if items else None
    next_cursor = encode_cursor(last.created_at, last.id) if last and len(rows) > limit else None
    return ClaimPage(items=items, next_cursor=next_cursor)


async def find_duplicates(graph: Graph, text: str, exclude: str | None = None) -> list[DuplicateCandidate]:
    """Existing claims whose words overlap `text` enough to be the same claim, best first."""
    lucene = fulltext_query(text)
    if lucene is None:
        return []
    candidates = []
    for row in await repository.find_similar(graph, lucene, limit=10):
        similarity = token_similarity(text, row["text"])
        if row["id"] != exclude and similarity >= DUPLICATE_SIMILARITY:
            candidates.append(
                DuplicateCandidate(id=row["id"], text=row["text"], state=row["state"], score=similarity)
            )
    return sorted(candidates, key=lambda c: -c.score)


async def add_claim(graph: Graph, data: ClaimCreate, caller: Caller) -> ClaimDetail:
    """Creates a claim from an article span or from free text with a claimant."""
    language = "en"
    if data.article_id is not None:
        article = await repository.get_article_text(graph, data.article_id)
        if article is None:
            raise NotFound(f"no article has id {data.article_id!r}")
        assert data.start is not None and data.end is not None
        length = len(article["text"])
        if data.end > length:
            raise Unprocessable(
                f"offsets {data.start}..{data.end} fall outside the article text (length {length})",
                field="end",
            )
        text = article["text"][data.start : data.end]
        if not text.strip():
            raise Unprocessable("the span holds no text", field="start")
        language = article["language"] or language
    else:
        text = (data.text or "").strip()
    if data.kind is not None and data.kind not in KINDS:
        raise Unprocessable(f"unknown kind {data.kind!r}; one of: {', '.join(KINDS)}", field="kind")
    kind = data.kind or classify(text, speech=False, attributed=False)
    score, reasons = score_checkworthiness(text, kind=kind, language=language)
    claim = {
        "id": str(uuid.uuid4()),
        "text": text,
        "kind": kind,
        "checkworthiness": score,
        "reasons": list(reasons),
        "language": language,
        "article_id": data.article_id,
        "start": data.start,
        "end": data.end,
    }
    duplicates = await find_duplicates(graph, text) if data.check_duplicates else None
    claimant = named_actor_row(data.claimant) if data.claimant and data.claimant.strip() else None

    async def work(tx: Transaction) -> None:
        claimant_ids = await actors.upsert_actors(tx, [claimant] if claimant else [])
        claimant_id = claimant_ids[claimant["key"]] if claimant else None
        await repository.create_claim(tx, claim, claimant_id, caller.id)
        await append_event(
            tx,
            AuditEvent(
                user=caller.id,
                action="claim.created",
                subject=EventSubject("Claim", claim["id"]),
                to_state=INITIAL_STATE.value,
                data={"text": claim["text"], "article_id": claim["article_id"], "claimant_id": claimant_id},
            ),
        )

    await graph.transaction(work)
    created = await get_claim(graph, claim["id"], caller)
    created.duplicates = duplicates
    return created
