"""The graph store: driver lifecycle, named queries, migrations, the local Neo4j launcher."""
