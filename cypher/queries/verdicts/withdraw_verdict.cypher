// Withdraws a submitted verdict (changes requested) or a published one (retracted).
MATCH (v:Verdict {id: $verdict_id})-[:RATES]->(:Claim {id: $claim_id})
WHERE v.state = $from_state
SET v.state = $to_state, v.withdrawn_by = $user, v.withdrawn_at = datetime(),
    v.withdrawn_reason = $reason
RETURN v.id AS id
