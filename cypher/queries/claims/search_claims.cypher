// Claims ranked by full-text score, with the same filters as claims/list_claims.
CALL db.index.fulltext.queryNodes('claim_text', $q, {limit: $skip + $limit * 20}) YIELD node AS c, score
WHERE ($state IS NULL OR c.state = $state)
  AND ($article IS NULL OR EXISTS { (c)-[:APPEARS_IN]->(:Article {id: $article}) })
  AND ($actor IS NULL OR EXISTS { (c)-[:STATED_BY|MENTIONS]->(:Actor {id: $actor}) })
  AND ($source IS NULL
       OR EXISTS { (c)-[:REPORTED_BY]->(:Source {id: $source}) }
       OR EXISTS { (c)-[:APPEARS_IN]->(:Article)-[:PUBLISHED_BY]->(:Source {id: $source}) })
  AND ($assignee IS NULL OR EXISTS { (:User {id: $assignee})-[:ASSIGNED]->(c) })
WITH c, score ORDER BY score DESC, c.id SKIP $skip LIMIT $limit
OPTIONAL MATCH (c)-[span:APPEARS_IN]->(article:Article)
RETURN c {
    .id, .text, .kind, .checkworthiness, .reasons, .state, .version,
    created_at: toString(c.created_at),
    start: span.start, `end`: span.`end`, article_id: article.id,
    assignee: [(u:User)-[:ASSIGNED]->(c) | u.id][0],
    stated_by: [(c)-[:STATED_BY]->(x:Actor) | x.id],
    reported_by: [(c)-[:REPORTED_BY]->(s:Source) | s.id],
    mentions: [(c)-[:MENTIONS]->(m:Actor) | m.id],
    score: score
} AS claim
ORDER BY score DESC, c.id
