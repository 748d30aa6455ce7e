"""Guarded outbound fetches: public addresses only, size caps, timeouts, checked redirects."""

from factcheck.fetching.fetcher import FetchedResource, FetchPolicy, fetch
from factcheck.fetching.guard import UrlRefused, check_url

__all__ = ["FetchPolicy", "FetchedResource", "UrlRefused", "check_url", "fetch"]
