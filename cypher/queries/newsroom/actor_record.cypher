// How an actor's claims were rated: published verdicts on claims it stated, counted by rating.
// With $public_only, an actor known only from claims never published is not found at all.
MATCH (x:Actor {id: $id})
WHERE NOT $public_only
   OR EXISTS { MATCH (p:Verdict)-[:RATES]->(:Claim)-[:STATED_BY]->(x) WHERE p.published_at IS NOT NULL }
OPTIONAL MATCH (v:Verdict {state: $published_verdict})-[:RATES]->(c:Claim)-[:STATED_BY]->(x)
WITH x, v, c ORDER BY v.published_at DESC
WITH x, v.rating AS rating, collect(CASE WHEN v IS NULL THEN null ELSE {
  verdict_id: v.id, claim_id: c.id, claim: c.text, published_at: toString(v.published_at)
} END) AS verdicts
RETURN x {.id, .name, .kind} AS actor,
       collect(CASE WHEN rating IS NULL THEN null ELSE {rating: rating, verdicts: verdicts} END) AS ratings
