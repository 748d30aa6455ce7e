// Rejects a pair: removes any suggested link between the two claims and records NOT_SAME_AS with
// the text key of each end, so a new claim with the text of one end is not linked to the other at ingest.
MATCH (a:Claim {id: $claim_id}), (b:Claim {id: $other_id})
CALL (a, b) {
  OPTIONAL MATCH (a)-[old:SAME_AS|SIMILAR_TO]-(b)
  DELETE old
}
CREATE (a)-[r:NOT_SAME_AS {
  relation: $relation, start_key: $claim_key, end_key: $other_key, rejected_by: $user, rejected_at: datetime(), reason: $reason
}]->(b)
RETURN toString(r.rejected_at) AS rejected_at
