// The verdict on a claim that stood at $as_of (or now); none when nothing was published then.
MATCH (c:Claim {id: $claim_id})
OPTIONAL MATCH (v:Verdict)-[:RATES]->(c)
WHERE v.published_at IS NOT NULL AND CASE WHEN $as_of IS NULL THEN v.state = 'published'
         ELSE v.published_at <= datetime($as_of)
              AND (v.superseded_at IS NULL OR v.superseded_at > datetime($as_of))
              AND (v.withdrawn_at IS NULL OR v.withdrawn_at > datetime($as_of)) END
WITH c, v ORDER BY v.published_at DESC LIMIT 1
RETURN c.id AS claim_id, CASE WHEN v IS NULL THEN null ELSE v {
    .id, .rating, .rating_label, .summary, .version, .state, .external, .external_url,
    published_at: toString(v.published_at), superseded_at: toString(v.superseded_at),
    withdrawn_at: toString(v.withdrawn_at),
    under_review: v.state = 'published' AND c.state <> 'published' AND NOT coalesce(v.external, false),
    claim: c {.id, .text, .kind, .language},
    claimants: [(c)-[:STATED_BY]->(x:Actor) | x {.id, .name, .kind}],
    reviewer: [(v)-[:PUBLISHED_BY]->(s:Source) | s {.id, .name, .domain}][0]
  } END AS verdict
