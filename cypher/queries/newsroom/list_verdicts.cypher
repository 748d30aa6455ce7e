// Published verdicts (or those standing at $as_of), newest first, keyset-paged on (published_at, id).
MATCH (v:Verdict)-[:RATES]->(c:Claim)
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
  AND ($after_at IS NULL
       OR v.published_at < datetime($after_at)
       OR (v.published_at = datetime($after_at) AND v.id > $after_id))
WITH v, c ORDER BY v.published_at DESC, v.id LIMIT $limit
RETURN {{public_verdict}} AS verdict
