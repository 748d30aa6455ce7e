// Confirms a link between two claims as $relation: an existing link of that type keeps its direction
// and score; otherwise one is created from $claim_id to $other_id. A SIMILAR_TO confirmed as SAME_AS
// (or the reverse) is replaced.
MATCH (a:Claim {id: $claim_id}), (b:Claim {id: $other_id})
CALL (a, b) {
  OPTIONAL MATCH (a)-[old:SAME_AS|SIMILAR_TO]-(b) WHERE type(old) <> $relation
  DELETE old
}
CALL (a, b) {
  OPTIONAL MATCH (a)-[kept:SAME_AS|SIMILAR_TO]-(b) WHERE type(kept) = $relation
  WITH kept LIMIT 1
  RETURN kept IS NOT NULL AS had
}
CALL (a, b, had) {
  WITH a, b, had WHERE NOT had AND $relation = 'SAME_AS'
  CREATE (a)-[:SAME_AS {created_at: datetime(), suggested_by: $user}]->(b)
}
CALL (a, b, had) {
  WITH a, b, had WHERE NOT had AND $relation = 'SIMILAR_TO'
  CREATE (a)-[:SIMILAR_TO {created_at: datetime(), suggested_by: $user}]->(b)
}
WITH a, b
MATCH (a)-[link:SAME_AS|SIMILAR_TO]-(b)
SET link.confirmed_by = $user, link.confirmed_at = datetime(), link.reason = $reason
RETURN type(link) AS relation, link.score AS score, toString(link.confirmed_at) AS confirmed_at
