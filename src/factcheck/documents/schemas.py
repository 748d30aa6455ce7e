"""Document request and response shapes."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator

from factcheck.claims.schemas import SourceRef

__all__ = ["Document", "DocumentCreate", "DocumentRef"]


class DocumentCreate(BaseModel):
    """A `url` to fetch, or an upload of `text` or `html` with a `title` (and optionally its `url`)."""

    model_config = ConfigDict(extra="forbid")

    url: HttpUrl | None = None
    text: str | None = Field(default=None, min_length=1)
    html: str | None = Field(default=None, min_length=1)
    title: str | None = Field(default=None, min_length=1, max_length=1000)
    publisher: str | None = Field(
        default=None, min_length=1, max_length=500, description="who published it, when not the URL's site"
    )

    @model_validator(mode="after")
    def _one_input(self) -> DocumentCreate:
        if self.text is not None and self.html is not None:
            raise ValueError("upload `text` or `html`, not both")
        if self.text is None and self.html is None:
            if self.url is None:
                raise ValueError("give a `url` to fetch, or upload `text` or `html` with a `title`")
        elif self.title is None:
            raise ValueError("an uploaded document needs a `title`")
        return self

    @property
    def uploaded(self) -> str | None:
        """The uploaded text or HTML; None when the document is to be fetched."""
        return self.text if self.text is not None else self.html


class DocumentRef(BaseModel):
    """A document named in another resource."""

    id: str
    title: str | None = None
    url: str | None = None


class Document(BaseModel):
    """A stored snapshot's metadata; the bytes are at `/documents/{id}/content`."""

    id: str
    url: str | None = Field(default=None, description="the URL asked for, or given with an upload")
    final_url: str | None = Field(default=None, description="the URL after redirects")
    title: str | None = None
    origin: str = Field(description="`fetch` or `upload`")
    content_type: str
    http_status: int | None = None
    size: int = Field(description="bytes in the snapshot")
    text_length: int = Field(description="characters of extracted text; evidence offsets index it")
    sha256: str = Field(description="sha256 of the snapshot's bytes")
    text_sha256: str = Field(description="sha256 of the extracted text, UTF-8")
    retrieved_at: str
    created_by: str | None = None
    publisher: SourceRef | None = None
    revision_of: str | None = Field(default=None, description="the earlier snapshot of the same URL")
    revised_by: list[str] = Field(default_factory=list, description="later snapshots of the same URL")
    derived_from: list[str] = Field(default_factory=list)
