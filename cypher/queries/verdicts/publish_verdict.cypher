// Publishes the submitted verdict; the previously published one becomes superseded by it.
MATCH (v:Verdict {id: $verdict_id})-[:RATES]->(c:Claim {id: $claim_id})
WHERE v.state = 'submitted'
OPTIONAL MATCH (old:Verdict {state: 'published'})-[:RATES]->(c)
SET v.state = 'published', v.approved_by = $user, v.published_at = datetime()
WITH v, old
CALL (v, old) {
  WITH v, old WHERE old IS NOT NULL
  SET old.state = 'superseded', old.superseded_at = v.published_at
  CREATE (v)-[:SUPERSEDES]->(old)
}
RETURN v.id AS id, v.version AS version, v.rating AS rating, toString(v.published_at) AS published_at,
       old.id AS superseded_id
