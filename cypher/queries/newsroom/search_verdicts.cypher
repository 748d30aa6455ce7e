// Published verdicts whose claim text or summary match $q, best first, keyset-paged on (score, id).
CALL () {
  CALL db.index.fulltext.queryNodes('claim_text', $q, {limit: 2000}) YIELD node, score
  MATCH (v:Verdict)-[:RATES]->(node)
  RETURN v, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('verdict_summary', $q, {limit: 2000}) YIELD node, score
  RETURN node AS v, score
}
WITH v, max(score) AS score
MATCH (v)-[:RATES]->(c:Claim)
WHERE v.published_at IS NOT NULL
  AND CASE WHEN $as_of IS NULL THEN v.state = 'published'
         ELSE v.published_at <= datetime($as_of)
              AND (v.superseded_at IS NULL OR v.superseded_at > datetime($as_of))
              AND (v.withdrawn_at IS NULL OR v.withdrawn_at > datetime($as_of)) END
  AND ($rating IS NULL OR v.rating = $rating)
  AND ($language IS NULL OR c.language = $language)
  AND ($since IS NULL OR v.published_at >= datetime($since))
  AND ($until IS NULL OR v.published_at < datetime($until))
  AND ($actor IS NULL OR EXISTS { (c)-[:STATED_BY]->(:Actor {id: $actor}) })
  AND ($source IS NULL
       OR EXISTS { (c)-[:REPORTED_BY]->(:Source {id: $source}) }
       OR EXISTS { (c)-[:APPEARS_IN]->(:Article)-[:PUBLISHED_BY]->(:Source {id: $source}) }
       OR EXISTS { (v)-[:PUBLISHED_BY]->(:Source {id: $source}) })
  AND ($after_score IS NULL OR score < $after_score OR (score = $after_score AND v.id > $after_id))
WITH v, c, score ORDER BY score DESC, v.id LIMIT $limit
RETURN v {
    .id, .rating, .rating_label, .summary, .version, .state, .external, .external_url,
    published_at: toString(v.published_at), superseded_at: toString(v.superseded_at),
    withdrawn_at: toString(v.withdrawn_at),
    under_review: v.state = 'published' AND c.state <> 'published' AND NOT coalesce(v.external, false),
    claim: c {.id, .text, .kind, .language},
    claimants: [(c)-[:STATED_BY]->(x:Actor) | x {.id, .name, .kind}],
    reviewer: [(v)-[:PUBLISHED_BY]->(s:Source) | s {.id, .name, .domain}][0]
  } AS verdict, score
