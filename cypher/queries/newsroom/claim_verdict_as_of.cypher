// The verdict on a claim that stood at $as_of (or now); none when nothing was published then.
MATCH (c:Claim {id: $claim_id})
OPTIONAL MATCH (v:Verdict)-[:RATES]->(c)
WHERE {{verdict_standing}}
WITH c, v ORDER BY v.published_at DESC LIMIT 1
RETURN c.id AS claim_id, CASE WHEN v IS NULL THEN null ELSE {{public_verdict}} END AS verdict
