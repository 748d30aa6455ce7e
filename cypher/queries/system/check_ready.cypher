// Neo4j answers, and reports how many migrations are recorded.
MATCH (m:Migration)
RETURN count(m) AS applied, max(m.version) AS latest
