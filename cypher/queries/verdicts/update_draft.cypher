// Edits a draft in place: rating and summary when given, and the cited evidence when
// $evidence_ids is a list. No row when the verdict is not a draft of this claim.
MATCH (v:Verdict {id: $verdict_id})-[:RATES]->(c:Claim {id: $claim_id})
WHERE v.state = $draft_verdict
SET v.rating = coalesce($rating, v.rating),
    v.summary = coalesce($summary, v.summary),
    v.updated_at = datetime()
WITH c, v
CALL (c, v) {
  WITH c, v WHERE $evidence_ids IS NOT NULL
  OPTIONAL MATCH (v)-[old:CITES]->(:Evidence)
  DELETE old
  WITH DISTINCT c, v
  UNWIND $evidence_ids AS evidence_id
  MATCH (e:Evidence {id: evidence_id})-[:ABOUT]->(c)
  CREATE (v)-[:CITES]->(e)
}
RETURN v.id AS id, v.rating AS rating, v.summary AS summary, v.version AS version,
       v.created_by AS created_by, toString(v.created_at) AS created_at,
       [(v)-[:CITES]->(e:Evidence) | e.id] AS evidence_ids
