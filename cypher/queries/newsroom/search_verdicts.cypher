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
WHERE {{verdict_standing}}
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
RETURN {{public_verdict}} AS verdict, score
