"""API keys, roles and the permission guard every endpoint declares."""

from factcheck.auth.cache import Caller
from factcheck.auth.guards import CallerDep, requires
from factcheck.auth.roles import Permission, Role

__all__ = ["Caller", "CallerDep", "Permission", "Role", "requires"]
