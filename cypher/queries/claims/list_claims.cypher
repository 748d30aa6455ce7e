// A page of claims, newest first, filtered by state, actor, source, article and assignee.
MATCH (c:Claim)
WHERE ($state IS NULL OR c.state = $state)
  AND ($article IS NULL OR EXISTS { (c)-[:APPEARS_IN]->(:Article {id: $article}) })
  AND ($actor IS NULL OR EXISTS { (c)-[:STATED_BY|MENTIONS]->(:Actor {id: $actor}) })
  AND ($source IS NULL
       OR EXISTS { (c)-[:REPORTED_BY]->(:Source {id: $source}) }
       OR EXISTS { (c)-[:APPEARS_IN]->(:Article)-[:PUBLISHED_BY]->(:Source {id: $source}) })
  AND ($assignee IS NULL OR EXISTS { (:User {id: $assignee})-[:ASSIGNED]->(c) })
  AND ($after_at IS NULL
       OR c.created_at < datetime($after_at)
       OR (c.created_at = datetime($after_at) AND c.id < $after_id))
WITH c ORDER BY c.created_at DESC, c.id DESC LIMIT $limit
OPTIONAL MATCH (c)-[span:APPEARS_IN]->(article:Article)
RETURN c {
    .id, .text, .kind, .checkworthiness, .reasons, .state, .version,
    created_at: toString(c.created_at),
    start: span.start, `end`: span.`end`, article_id: article.id,
    assignee: [(u:User)-[:ASSIGNED]->(c) | u.id][0],
    stated_by: [(c)-[:STATED_BY]->(x:Actor) | x.id],
    reported_by: [(c)-[:REPORTED_BY]->(s:Source) | s.id],
    mentions: [(c)-[:MENTIONS]->(m:Actor) | m.id]
} AS claim
ORDER BY c.created_at DESC, c.id DESC
