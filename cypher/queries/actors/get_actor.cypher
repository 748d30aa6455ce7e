// One actor with the claims it stated or is mentioned in (newest first, capped).
MATCH (x:Actor {id: $id})
CALL (x) {
  OPTIONAL MATCH (c:Claim)-[r:STATED_BY|MENTIONS]->(x)
  WITH c, r ORDER BY c.created_at DESC, c.id LIMIT $limit
  RETURN collect(CASE WHEN c IS NULL THEN null ELSE {
    id: c.id, text: c.text, kind: c.kind, state: c.state,
    checkworthiness: c.checkworthiness, role: toLower(type(r))
  } END) AS claims
}
RETURN x {
  .id, .key, .name, .kind, .title, .aliases,
  affiliated_with: [(x)-[:AFFILIATED_WITH]->(g:Actor) | g {.id, .name, .kind}],
  members: [(m:Actor)-[:AFFILIATED_WITH]->(x) | m {.id, .name, .kind}],
  claims: claims
} AS actor
