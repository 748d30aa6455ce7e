// The verdict on a claim that stood at $as_of (or now); none when nothing was published then.
// With $public_only, a claim that never had a published verdict is not found at all, so a
// reader learns nothing about the claims still under review.
MATCH (c:Claim {id: $claim_id})
WHERE NOT $public_only OR EXISTS { MATCH (p:Verdict)-[:RATES]->(c) WHERE p.published_at IS NOT NULL }
OPTIONAL MATCH (v:Verdict)-[:RATES]->(c)
WHERE {{verdict_standing}}
WITH c, v ORDER BY v.published_at DESC LIMIT 1
RETURN c.id AS claim_id, CASE WHEN v IS NULL THEN null ELSE {{public_verdict}} END AS verdict
