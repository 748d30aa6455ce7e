// Publishes the submitted verdict ($from_state -> $to_state); the verdict published before it
// becomes $superseded_state, superseded by it.
MATCH (v:Verdict {id: $verdict_id})-[:RATES]->(c:Claim {id: $claim_id})
WHERE v.state = $from_state
OPTIONAL MATCH (old:Verdict {state: $to_state})-[:RATES]->(c)
SET v.state = $to_state, v.approved_by = $user, v.published_at = datetime()
WITH v, old
CALL (v, old) {
  WITH v, old WHERE old IS NOT NULL
  SET old.state = $superseded_state, old.superseded_at = v.published_at
  CREATE (v)-[:SUPERSEDES]->(old)
}
RETURN v.id AS id, v.version AS version, v.rating AS rating, toString(v.published_at) AS published_at,
       old.id AS superseded_id
