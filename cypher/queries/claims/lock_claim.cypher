// Write-locks a claim for the rest of the transaction, then reads what the workflow needs:
// state, version, assignee, the verdict awaiting approval, the published verdict, and the
// draft to submit ($verdict_id, or the latest draft) with how much evidence it cites. The
// submitted verdict's authors are the users of its $authoring_actions events.
MATCH (c:Claim {id: $id})
SET c._lock = true
REMOVE c._lock
WITH c
CALL (c) {
  OPTIONAL MATCH (d:Verdict {state: $draft_verdict})-[:RATES]->(c)
  WHERE $verdict_id IS NULL OR d.id = $verdict_id
  RETURN d.id AS draft_id, COUNT { (d)-[:CITES]->(:Evidence) } AS draft_cites
  ORDER BY d.version DESC
  LIMIT 1
}
RETURN c.state AS state, c.version AS version,
       [(u:User)-[:ASSIGNED]->(c) | u.id][0] AS assignee,
       [(v:Verdict {state: $submitted_verdict})-[:RATES]->(c) | v {
         .id, .submitted_by,
         authors: [(e:Event)-[:ABOUT]->(v) WHERE e.action IN $authoring_actions | e.user]
       }][0] AS submitted,
       [(v:Verdict {state: $published_verdict})-[:RATES]->(c) | v.id][0] AS published_id,
       draft_id, draft_cites
