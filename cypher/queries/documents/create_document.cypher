// Stores a snapshot, links it to its publisher (found or created by key) and, when it has a URL,
// to the latest earlier snapshot of that URL as its revision.
OPTIONAL MATCH (previous:Document {url: $doc.url})
  WHERE NOT EXISTS { (:Document)-[:REVISION_OF]->(previous) }
WITH previous ORDER BY previous.retrieved_at DESC LIMIT 1
CREATE (d:Document)
SET d = $doc, d.retrieved_at = datetime($doc.retrieved_at), d.created_at = datetime()
WITH d, previous
CALL (d, previous) {
  WITH d, previous WHERE previous IS NOT NULL
  CREATE (d)-[:REVISION_OF]->(previous)
}
CALL (d) {
  WITH d WHERE $publisher IS NOT NULL
  MERGE (s:Source {key: $publisher.key})
    ON CREATE SET s.id = $publisher.id, s.name = $publisher.name, s.kind = $publisher.kind,
                  s.domain = $publisher.domain, s.created_at = datetime()
    ON MATCH SET s.domain = coalesce(s.domain, $publisher.domain)
  CREATE (d)-[:PUBLISHED_BY]->(s)
}
RETURN d.id AS id, previous.id AS revision_of
