// Freezes a draft as submitted for approval.
MATCH (v:Verdict {id: $verdict_id})-[:RATES]->(:Claim {id: $claim_id})
WHERE v.state = $from_state
SET v.state = $to_state, v.submitted_by = $user, v.submitted_at = datetime()
RETURN v.id AS id
