// One source with the claims it reports and the articles it published (newest first, capped).
MATCH (s:Source {id: $id})
CALL (s) {
  OPTIONAL MATCH (c:Claim)-[:REPORTED_BY]->(s)
  WITH c ORDER BY c.created_at DESC, c.id LIMIT $limit
  RETURN collect(CASE WHEN c IS NULL THEN null ELSE {
    id: c.id, text: c.text, kind: c.kind, state: c.state, checkworthiness: c.checkworthiness
  } END) AS claims
}
CALL (s) {
  OPTIONAL MATCH (a:Article)-[:PUBLISHED_BY]->(s)
  WITH a ORDER BY a.ingested_at DESC, a.id LIMIT $limit
  RETURN collect(CASE WHEN a IS NULL THEN null ELSE {id: a.id, title: a.title, url: a.url} END) AS articles
}
RETURN s {.id, .key, .name, .kind, .domain, claims: claims, articles: articles} AS source
