"""Optional extractor backed by an OpenAI-compatible chat-completions endpoint.

The model proposes claims as JSON; everything it returns is validated, and each
claim is located in the article so offsets stay exact. Claims whose text cannot
be found in the article are dropped, never invented. Speaker and source names
resolve through the same alias table as the rule-based extractor.

The HTTP client is the caller's (the application's shared ``httpx.AsyncClient``
with its own address and size protections).
"""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from factcheck.extraction.actors import ActorIndex
from factcheck.extraction.attribution import source_for
from factcheck.extraction.entities import Entity
from factcheck.extraction.errors import ExtractorError
from factcheck.extraction.kinds import KINDS
from factcheck.extraction.metadata import article_byline
from factcheck.extraction.models import ActorMention, ArticleText, ClaimCandidate, Extraction, SourceMention
from factcheck.extraction.patterns import ORG_HEAD_WORDS
from factcheck.extraction.sentences import split_sentences
from factcheck.extraction.text import fold, slug

__all__ = ["SYSTEM_PROMPT", "ChatCompletionExtractor"]

SYSTEM_PROMPT = (
    "You extract check-worthy claims from a news article for a neutral fact-checking desk. "
    "Record what is asserted and by whom; never judge whether it is true. "
    'Reply with one JSON object only: {"claims": [{"text": str, "kind": str, "checkworthiness": float, '
    '"stated_by": [str], "reported_by": [str]}]}. '
    "text: copy the claim verbatim from the article (one sentence or clause). "
    f"kind: one of {', '.join(KINDS)}. "
    "checkworthiness: 0..1, how much the claim deserves checking. "
    "stated_by: names of people or bodies who made the claim. "
    "reported_by: names of outlets or bodies that relay it (e.g. 'according to Reuters')."
)

_FENCE = re.compile(r"^\s*```(?:json)?\s*|\s*```\s*$", re.IGNORECASE)
_ERROR_BODY_CHARS = 200


class _ModelClaim(BaseModel):
    model_config = ConfigDict(extra="ignore")

    text: str = Field(min_length=1)
    kind: str = "other"
    checkworthiness: float = 0.5
    stated_by: list[str] = Field(default_factory=list)
    reported_by: list[str] = Field(default_factory=list)

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        value = value.strip().lower()
        return value if value in KINDS else "other"

    @field_validator("checkworthiness")
    @classmethod
    def _clip(cls, value: float) -> float:
        return round(min(1.0, max(0.0, value)), 3)


class _ModelReply(BaseModel):
    model_config = ConfigDict(extra="ignore")

    claims: list[_ModelClaim]


class _Message(BaseModel):
    content: str | None = None


class _Choice(BaseModel):
    message: _Message


class _ChatResponse(BaseModel):
    choices: list[_Choice] = Field(min_length=1)


class ChatCompletionExtractor:
    """Ask a chat-completions model for claims, then anchor them in the article text."""

    name = "llm"

    def __init__(
        self,
        client: httpx.AsyncClient,
        base_url: str,
        model: str,
        api_key: str | None,
        timeout: float,
    ) -> None:
        self._client = client
        self._url = base_url.rstrip("/") + "/chat/completions"
        self._model = model
        self._api_key = api_key
        self._timeout = timeout

    async def extract(self, article: ArticleText) -> Extraction:
        """Extract claims from ``article`` with the model.

        Raises:
            ExtractorError: On a transport error, a timeout, an HTTP error status,
                or a reply that is not the expected JSON.
        """
        reply = await self._ask(article)
        return _build(article, reply)

    async def _ask(self, article: ArticleText) -> _ModelReply:
        headers = {"Authorization": f"Bearer {self._api_key}"} if self._api_key else {}
        user = article.text if not article.title else f"Title: {article.title}\n\n{article.text}"
        body: dict[str, Any] = {
            "model": self._model,
            "temperature": 0,
            "response_format": {"type": "json_object"},
            "messages": [
                {"role": "system", "content": SYSTEM_PROMPT},
                {"role": "user", "content": user},
            ],
        }
        try:
            response = await self._client.post(self._url, json=body, headers=headers, timeout=self._timeout)
        except httpx.TimeoutException as exc:
            raise ExtractorError(f"language model at {self._url} timed out after {self._timeout}s") from exc
        except httpx.HTTPError as exc:
            raise ExtractorError(f"language model at {self._url} unreachable: {exc}") from exc
        if response.is_error:
            snippet = response.text[:_ERROR_BODY_CHARS]
            raise ExtractorError(f"language model returned HTTP {response.status_code}: {snippet}")
        return _parse(response.content)


def _parse(raw: bytes) -> _ModelReply:
    try:
        chat = _ChatResponse.model_validate_json(raw)
    except ValidationError as exc:
        raise ExtractorError(
            f"language model response is not a chat completion: {_first_error(exc)}"
        ) from exc
    content = chat.choices[0].message.content
    if not content:
        raise ExtractorError("language model reply is empty")
    try:
        data = json.loads(_FENCE.sub("", content))
    except json.JSONDecodeError as exc:
        raise ExtractorError(f"language model reply is not valid JSON: {exc.msg} at char {exc.pos}") from exc
    try:
        return _ModelReply.model_validate(data)
    except ValidationError as exc:
        raise ExtractorError(
            f"language model reply does not match the claim schema: {_first_error(exc)}"
        ) from exc


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"]) or "(root)"
    return f"{where}: {error['msg']}"


def _build(article: ArticleText, reply: _ModelReply) -> Extraction:
    text = article.text
    folded = fold(text)
    index = ActorIndex(text, folded)
    claims: list[ClaimCandidate] = []
    actors: dict[str, ActorMention] = {}
    sources: dict[str, SourceMention] = {}
    seen: set[tuple[int, int]] = set()
    for item in reply.claims:
        span = locate(text, folded, item.text)
        if span is None or span in seen:
            continue
        seen.add(span)
        speakers = [_actor(index, name, actors) for name in item.stated_by if name.strip()]
        relays = [_source(index, name, sources) for name in item.reported_by if name.strip()]
        mentions: list[str] = []
        for mention in index.mentions(*span):
            if mention.key not in mentions and mention.key not in speakers:
                mentions.append(mention.key)
                _actor_for_key(index, mention.key, actors)
        claims.append(
            ClaimCandidate(
                text=text[span[0] : span[1]],
                start=span[0],
                end=span[1],
                kind=item.kind,
                checkworthiness=item.checkworthiness,
                reasons=("model_score",),
                stated_by=tuple(dict.fromkeys(speakers)),
                reported_by=tuple(dict.fromkeys(relays)),
                mentions=tuple(mentions),
            )
        )
    claims.sort(key=lambda c: (c.start, c.end))
    byline = article_byline(article)
    return Extraction(
        sentences=tuple(split_sentences(text)),
        claims=tuple(claims),
        actors=tuple(actors.values()),
        sources=tuple(sources.values()),
        publisher=byline.publisher,
        author=byline.author,
    )


def locate(text: str, folded: str, claim: str) -> tuple[int, int] | None:
    """Find ``claim`` in the article; returns ``(start, end)`` or None.

    Tries the exact text, then the text with quotes, dashes and whitespace
    normalised, then case-insensitively; a missing final full stop is tolerated.
    """
    claim = claim.strip()
    if not claim:
        return None
    at = text.find(claim)
    if at >= 0:
        return at, at + len(claim)
    tokens = fold(claim).rstrip(".").split()
    if not tokens:
        return None
    pattern = r"\s+".join(re.escape(token) for token in tokens)
    for flags in (0, re.IGNORECASE):
        match = re.search(pattern, folded, flags)
        if match is not None:
            end = match.end() + 1 if folded[match.end() : match.end() + 1] == "." else match.end()
            return match.start(), end
    return None


def _actor(index: ActorIndex, name: str, actors: dict[str, ActorMention]) -> str:
    entity = index.resolve(" ".join(fold(name).split()))
    if entity is not None:
        _actor_for_key(index, entity.key, actors)
        return entity.key
    key = slug(name)
    kind = "person" if _looks_like_person(name) else "organisation"
    actors.setdefault(key, ActorMention(key=key, name=name.strip(), kind=kind, aliases=()))
    return key


def _actor_for_key(index: ActorIndex, key: str, actors: dict[str, ActorMention]) -> None:
    if key in actors:
        return
    actor = index.to_actor(key)
    if actor is not None:
        actors[key] = actor
        if actor.affiliation:
            _actor_for_key(index, actor.affiliation, actors)


def _source(index: ActorIndex, name: str, sources: dict[str, SourceMention]) -> str:
    entity: Entity | None = index.resolve(" ".join(fold(name).split()))
    source = (
        source_for(entity) if entity is not None else SourceMention(slug(name), name.strip(), "organisation")
    )
    sources.setdefault(source.key, source)
    return source.key


def _looks_like_person(name: str) -> bool:
    tokens = name.split()
    if not 2 <= len(tokens) <= 4 or any(t in ORG_HEAD_WORDS for t in tokens):
        return False
    return all(t[:1].isupper() or t.lower() in {"al", "bin", "de", "van"} for t in tokens)
