// A claim's evidence, oldest first; no row when the claim does not exist.
MATCH (c:Claim {id: $claim_id})
OPTIONAL MATCH (e:Evidence)-[:ABOUT]->(c)
OPTIONAL MATCH (e)-[:QUOTES]->(d:Document)
WITH c, e, d ORDER BY e.created_at, e.id
RETURN c.id AS claim_id, collect(e {
  .id, .stance, .excerpt, .start, .`end`, .note, .created_by,
  created_at: toString(e.created_at),
  claim_id: c.id,
  document: d {.id, .title, .url},
  derived_from: [(e)-[:DERIVED_FROM]->(x) | x.id]
}) AS items
