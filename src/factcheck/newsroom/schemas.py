"""Published-verdict shapes for newsrooms."""

from __future__ import annotations

from pydantic import BaseModel, Field

__all__ = [
    "ActorRecord",
    "CitedEvidence",
    "ClaimMatch",
    "ClaimRef",
    "ClaimVerdictAsOf",
    "PublicVerdict",
    "PublicVerdictDetail",
    "RatingCount",
    "VerdictPage",
]


class ClaimRef(BaseModel):
    """The claim a verdict rates."""

    id: str
    text: str
    kind: str | None = None
    language: str | None = None


class Named(BaseModel):
    """An actor or source, by name."""

    id: str
    name: str
    kind: str | None = None
    domain: str | None = None


class PublicVerdict(BaseModel):
    """A verdict as newsrooms see it."""

    id: str
    rating: str
    rating_label: str | None = Field(default=None, description="the reviewer's own wording, for imports")
    summary: str | None = None
    version: int | None = None
    state: str
    external: bool | None = Field(default=None, description="imported from another fact-checker")
    external_url: str | None = None
    published_at: str | None = None
    superseded_at: str | None = None
    withdrawn_at: str | None = None
    under_review: bool = Field(description="the claim was reopened; a new verdict may replace this one")
    claim: ClaimRef
    claimants: list[Named] = Field(default_factory=list)
    reviewer: Named | None = Field(default=None, description="the publishing fact-checker, for imports")
    links: dict[str, str] = Field(default_factory=dict)


class DocumentRef(BaseModel):
    """A document cited by a verdict."""

    id: str
    title: str | None = None
    url: str | None = None
    source: Named | None = None


class CitedEvidence(BaseModel):
    """Evidence a verdict cites: what was quoted from which document."""

    id: str
    stance: str
    excerpt: str | None = None
    note: str | None = None
    document: DocumentRef | None = None


class VersionRef(BaseModel):
    """One published version of the verdict on the same claim."""

    id: str
    rating: str
    version: int | None = None
    state: str
    published_at: str | None = None
    superseded_at: str | None = None
    withdrawn_at: str | None = None


class ArticleRef(BaseModel):
    """Where the claim appeared."""

    id: str
    title: str | None = None
    url: str | None = None
    published_at: str | None = None
    publisher: Named | None = None


class PublicVerdictDetail(PublicVerdict):
    """A verdict with its evidence, article and version history."""

    article: ArticleRef | None = None
    evidence: list[CitedEvidence] = Field(default_factory=list)
    history: list[VersionRef] = Field(default_factory=list)


class VerdictPage(BaseModel):
    """A page of verdicts; pass `next_cursor` as `cursor` for the next one."""

    items: list[PublicVerdict]
    next_cursor: str | None = None


class ClaimVerdictAsOf(BaseModel):
    """The verdict that stood on a claim at a moment; `verdict` is null when none did."""

    claim_id: str
    as_of: str | None = None
    verdict: PublicVerdict | None = None
    via_claim_id: str | None = Field(
        default=None, description="set when the verdict rates a confirmed SAME_AS repetition of this claim"
    )


class RatingCount(BaseModel):
    """The verdicts of one rating on an actor's claims."""

    rating: str
    count: int
    verdicts: list[dict[str, str | None]]


class ActorRecord(BaseModel):
    """An actor's record: published verdicts on the claims it stated, by rating."""

    actor: Named
    total: int
    ratings: list[RatingCount]


class ClaimMatch(BaseModel):
    """An existing, reviewed claim that says about the same thing."""

    claim: ClaimRef
    headline: str | None = Field(default=None, description="the headline of the imported review, if any")
    score: float = Field(description="full-text score (BM25); orders candidates within one query only")
    similarity: float = Field(
        ge=0,
        le=1,
        description="the probability, 0..1, that this is the claim the text repeats: threshold on it",
    )
    verdicts: list[dict[str, object]]
