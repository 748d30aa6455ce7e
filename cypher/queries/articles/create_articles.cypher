// Creates a batch of articles with their claims and the claims' attributions.
UNWIND $articles AS art
CREATE (a:Article {
  id: art.id, url: art.url, title: art.title, language: art.language, author: art.author,
  text: art.text, sha256: art.sha256, ingested_by: $user, ingested_at: datetime(),
  published_at: CASE WHEN art.published_at IS NULL THEN null ELSE datetime(art.published_at) END
})
WITH a, art
CALL (a, art) {
  MATCH (publisher:Source {id: art.publisher_id})
  CREATE (a)-[:PUBLISHED_BY]->(publisher)
}
CALL (a, art) {
  UNWIND art.claims AS row
  CREATE (c:Claim {
    id: row.id, text: row.text, kind: row.kind, checkworthiness: row.checkworthiness,
    reasons: row.reasons, state: $initial_claim, version: 1, language: art.language,
    extractor: art.extractor, created_by: $user, created_at: datetime()
  })
  CREATE (c)-[:APPEARS_IN {start: row.start, `end`: row.end}]->(a)
  WITH c, row
  CALL (c, row) {
    UNWIND row.stated_by AS actor_id
    MATCH (actor:Actor {id: actor_id})
    CREATE (c)-[:STATED_BY]->(actor)
  }
  CALL (c, row) {
    UNWIND row.mentions AS actor_id
    MATCH (actor:Actor {id: actor_id})
    CREATE (c)-[:MENTIONS]->(actor)
  }
  CALL (c, row) {
    UNWIND row.reported_by AS source_id
    MATCH (source:Source {id: source_id})
    CREATE (c)-[:REPORTED_BY]->(source)
  }
}
RETURN count(a) AS created
