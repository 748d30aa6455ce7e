"""Guarded outbound fetches: public addresses only, size caps, timeouts, checked redirects."""

from factcheck.fetching.fetcher import FetchedResource, FetchPolicy, fetch
from factcheck.fetching.guard import UrlRefused, check_url, is_public_address
from factcheck.fetching.transport import guarded_transport

__all__ = [
    "FetchPolicy",
    "FetchedResource",
    "UrlRefused",
    "check_url",
    "fetch",
    "guarded_transport",
    "is_public_address",
]
