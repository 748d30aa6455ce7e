// The verdict on a claim that stood at $as_of (or now); none when nothing was published then.
// A verdict on a claim joined to this one by confirmed SAME_AS links (confirmed by then) applies
// too, when the claim has none of its own: `via_claim_id` names the claim it rates.
// With $public_only, a claim with no published verdict in its confirmed cluster is not found at
// all, so a reader learns nothing about the claims still under review.
MATCH (asked:Claim {id: $claim_id})
WHERE NOT $public_only
   OR EXISTS {
     MATCH (asked) (()-[l:SAME_AS WHERE l.confirmed_at IS NOT NULL]-()){0,} (:Claim)<-[:RATES]-(p:Verdict)
     WHERE p.published_at IS NOT NULL
   }
CALL (asked) {
  MATCH (asked) (()-[l:SAME_AS WHERE l.confirmed_at IS NOT NULL
                     AND ($as_of IS NULL OR l.confirmed_at <= datetime($as_of))]-()){0,} (c:Claim)
  WITH DISTINCT c
  OPTIONAL MATCH (v:Verdict)-[:RATES]->(c)
  WHERE {{verdict_standing}}
  WITH c, v ORDER BY v IS NULL, c <> asked, v.published_at DESC LIMIT 1
  RETURN c, v
}
RETURN asked.id AS claim_id,
       CASE WHEN v IS NULL THEN null ELSE {{public_verdict}} END AS verdict,
       CASE WHEN v IS NULL OR c = asked THEN null ELSE c.id END AS via_claim_id
