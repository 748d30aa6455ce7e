"""Reading migration files and query files, without a database."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.graph.migrations import MigrationError, load_migrations, split_statements
from factcheck.graph.queries import MissingQueryError, QueryCatalog, QueryName, declared_queries
from factcheck.settings import PROJECT_ROOT


def test_split_statements_drops_comments_and_blank_parts() -> None:
    text = (
        "// header\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\n\n"
        "CREATE INDEX b IF NOT EXISTS\n FOR (n:B) ON (n.y);\n"
    )
    assert split_statements(text) == [
        "CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)",
        "CREATE INDEX b IF NOT EXISTS\n FOR (n:B) ON (n.y)",
    ]


def test_project_migrations_are_ordered_and_idempotent() -> None:
    migrations = load_migrations(PROJECT_ROOT / "cypher")
    versions = [m.version for m in migrations]
    assert versions == sorted(versions) and versions[0] == 1
    for migration in migrations:
        for statement in migration.statements:
            assert "IF NOT EXISTS" in statement, f"V{migration.version:03d}: {statement}"


def test_badly_named_migration_is_refused(tmp_path: Path) -> None:
    (tmp_path / "V1_missing_underscore.cypher").write_text("RETURN 1;")
    with pytest.raises(MigrationError, match="V001__constraints"):
        load_migrations(tmp_path)


def test_catalog_loads_nested_names(tmp_path: Path) -> None:
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "get_claim.cypher").write_text("MATCH (c:Claim {id: $id}) RETURN c\n")
    catalog = QueryCatalog.load(tmp_path, required=frozenset({"claims/get_claim"}))
    assert catalog[QueryName("claims/get_claim")] == "MATCH (c:Claim {id: $id}) RETURN c"


def test_catalog_refuses_to_load_without_a_declared_query(tmp_path: Path) -> None:
    with pytest.raises(MissingQueryError, match="claims/get_claim"):
        QueryCatalog.load(tmp_path, required=frozenset({"claims/get_claim"}))


def test_every_declared_query_has_a_file() -> None:
    import factcheck.routes  # noqa: F401  (imports every repository, which declares its queries)

    QueryCatalog.load(PROJECT_ROOT / "cypher" / "queries", required=declared_queries())
