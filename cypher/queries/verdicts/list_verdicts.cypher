// A claim's verdicts by version (or only $verdict_id), with what each cites and supersedes.
// No row when the claim does not exist.
MATCH (c:Claim {id: $claim_id})
OPTIONAL MATCH (v:Verdict)-[:RATES]->(c)
WHERE $verdict_id IS NULL OR v.id = $verdict_id
WITH c, v
ORDER BY v.version
RETURN c.state AS claim_state, collect(v {
  .id, .rating, .summary, .version, .state,
  .created_by, .submitted_by, .approved_by, .withdrawn_by, .withdrawn_reason,
  created_at: toString(v.created_at), submitted_at: toString(v.submitted_at),
  published_at: toString(v.published_at), superseded_at: toString(v.superseded_at),
  withdrawn_at: toString(v.withdrawn_at),
  under_review: {{under_review}},
  evidence_ids: [(v)-[:CITES]->(e:Evidence) | e.id],
  supersedes: [(v)-[:SUPERSEDES]->(old:Verdict) | old.id][0],
  superseded_by: [(new:Verdict)-[:SUPERSEDES]->(v) | new.id][0]
}) AS verdicts
