// One article with its publisher, claims (in text order), actors (and whom they belong to) and sources.
MATCH (a:Article {id: $id})
OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(publisher:Source)
CALL (a) {
  OPTIONAL MATCH (c:Claim)-[span:APPEARS_IN]->(a)
  WITH c, span ORDER BY span.start
  RETURN collect(CASE WHEN c IS NULL THEN null ELSE c {
    .id, .text, .kind, .checkworthiness, .reasons, .state, .version,
    start: span.start, `end`: span.`end`, article_id: a.id,
    created_at: toString(c.created_at),
    stated_by: [(c)-[:STATED_BY]->(x:Actor) | x.id],
    reported_by: [(c)-[:REPORTED_BY]->(s:Source) | s.id],
    mentions: [(c)-[:MENTIONS]->(m:Actor) | m.id]
  } END) AS claims
}
CALL (a) {
  OPTIONAL MATCH (a)<-[:APPEARS_IN]-(:Claim)-[:STATED_BY|MENTIONS]->(:Actor)-[:AFFILIATED_WITH*0..1]->(x:Actor)
  WITH DISTINCT x ORDER BY x.name
  RETURN collect(x {.id, .name, .kind, .title, .aliases,
    affiliated_with: [(x)-[:AFFILIATED_WITH]->(g:Actor) | g.id]}) AS actors
}
CALL (a) {
  OPTIONAL MATCH (a)<-[:APPEARS_IN]-(:Claim)-[:REPORTED_BY]->(s:Source)
  WITH DISTINCT s ORDER BY s.name
  RETURN collect(s {.id, .name, .kind, .domain}) AS sources
}
RETURN a {
  .id, .url, .title, .language, .author, .sha256, .text, .ingested_by,
  published_at: toString(a.published_at), ingested_at: toString(a.ingested_at),
  publisher: CASE WHEN publisher IS NULL THEN null
             ELSE publisher {.id, .name, .kind, .domain} END,
  claims: claims, actors: actors, sources: sources
} AS article
