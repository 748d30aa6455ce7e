"""Who published a document: a Source found again by a normalised key.

Keys follow the article ingestion's rules, so a document from reuters.com and an article
"according to Reuters" share one Source: a known outlet's key, else a slug of the site name,
else a slug of the domain.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from factcheck.extraction.entities import STATIC_ENTITIES, Entity, entity_for_alias
from factcheck.extraction.text import fold, slug

__all__ = ["PublisherDraft", "domain_of", "publisher_of"]

_UNKNOWN_KIND = "website"
_OUTLETS_BY_DOMAIN: dict[str, Entity] = {
    entity.domain: entity for entity in STATIC_ENTITIES.values() if entity.kind == "media" and entity.domain
}


@dataclass(frozen=True, slots=True)
class PublisherDraft:
    """A Source to find or create by `key`."""

    key: str
    name: str
    kind: str
    domain: str | None


def domain_of(url: str | None) -> str | None:
    """The host of `url` without a leading `www.`; None without one."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _outlet_for_domain(domain: str) -> Entity | None:
    parts = domain.split(".")
    for i in range(len(parts) - 1):
        entity = _OUTLETS_BY_DOMAIN.get(".".join(parts[i:]))
        if entity is not None:
            return entity
    return None


def publisher_of(name: str | None, url: str | None) -> PublisherDraft | None:
    """The publisher named `name` (given or the page's site name) at `url`; None when neither."""
    domain = domain_of(url)
    entity = entity_for_alias(fold(name).strip()) if name else None
    if entity is None or entity.kind != "media":
        entity = _outlet_for_domain(domain) if domain else None
    if entity is not None:
        return PublisherDraft(
            entity.key, entity.name, entity.outlet_kind or "outlet", domain or entity.domain
        )
    if name and slug(name):
        return PublisherDraft(slug(name), name.strip(), _UNKNOWN_KIND, domain)
    if domain:
        return PublisherDraft(slug(domain), domain, _UNKNOWN_KIND, domain)
    return None
