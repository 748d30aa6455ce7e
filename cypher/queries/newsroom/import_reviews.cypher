// Stores external fact-checks: each a published, external verdict on a claim of its own.
// A review already imported (same key) is left as it is.
UNWIND $reviews AS row
MERGE (v:Verdict {external_key: row.key})
  ON CREATE SET v.id = row.verdict_id, v.external = true, v.external_url = row.url,
                v.rating = row.rating, v.rating_label = row.label, v.rating_value = row.rating_value,
                v.summary = row.summary, v.headline = row.headline, v.state = $published_verdict, v.version = 1,
                v.published_at = coalesce(datetime(row.published_at), datetime()),
                v.created_by = $user, v.created_at = datetime()
WITH v, row, v.id = row.verdict_id AS created
CALL (v, row, created) {
  WITH v, row, created WHERE created
  CREATE (c:Claim {
    id: row.claim_id, text: row.claim, headline: row.headline, kind: 'other', checkworthiness: 1.0,
    reasons: ['imported_claim_review'], state: $published_claim, version: 1,
    language: row.language, external: true, appearance_url: row.appearance_url,
    extractor: 'claimreview', created_by: $user, created_at: datetime()
  })
  CREATE (v)-[:RATES]->(c)
  WITH v, c, row
  CALL (v, row) {
    MATCH (s:Source {id: row.source_id})
    CREATE (v)-[:PUBLISHED_BY]->(s)
  }
  CALL (c, row) {
    MATCH (a:Actor {id: row.claimant_id})
    CREATE (c)-[:STATED_BY]->(a)
  }
}
RETURN row.key AS key, v.id AS verdict_id, created, [(v)-[:RATES]->(c:Claim) | c.id][0] AS claim_id
