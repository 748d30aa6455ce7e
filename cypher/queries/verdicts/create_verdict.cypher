// Creates the next version of a claim's verdict as a draft citing evidence about that claim.
// Returns the ids actually cited, so the caller can refuse ids that are not this claim's.
MATCH (c:Claim {id: $claim_id})
OPTIONAL MATCH (prev:Verdict)-[:RATES]->(c)
WITH c, coalesce(max(prev.version), 0) + 1 AS version
CREATE (v:Verdict {
  id: $id, rating: $rating, summary: $summary, version: version, state: $draft_verdict,
  created_by: $user, created_at: datetime()
})-[:RATES]->(c)
WITH c, v
CALL (c, v) {
  UNWIND $evidence_ids AS evidence_id
  MATCH (e:Evidence {id: evidence_id})-[:ABOUT]->(c)
  CREATE (v)-[:CITES]->(e)
  RETURN collect(e.id) AS cited
}
RETURN v.version AS version, toString(v.created_at) AS created_at, cited
