// One piece of evidence with its claim, document and what it derives from; no row when none.
MATCH (e:Evidence {id: $id})-[:ABOUT]->(c:Claim)
OPTIONAL MATCH (e)-[:QUOTES]->(d:Document)
RETURN e {
  .id, .stance, .excerpt, .start, .`end`, .note, .created_by,
  created_at: toString(e.created_at),
  claim_id: c.id,
  document: d {.id, .title, .url},
  derived_from: [(e)-[:DERIVED_FROM]->(x) | x.id]
} AS evidence
