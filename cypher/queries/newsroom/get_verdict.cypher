// Verdicts that were ever published, with their evidence, article and version history, in $ids order.
UNWIND range(0, size($ids) - 1) AS position
MATCH (v:Verdict {id: $ids[position]})-[:RATES]->(c:Claim)
WHERE v.published_at IS NOT NULL
OPTIONAL MATCH (c)-[:APPEARS_IN]->(article:Article)
WITH position, v, c, article, {{public_verdict}} AS base
RETURN base {
  .*,
  article: CASE WHEN article IS NULL THEN null ELSE article {
    .id, .title, .url, published_at: toString(article.published_at),
    publisher: [(article)-[:PUBLISHED_BY]->(p:Source) | p {.id, .name, .domain}][0]
  } END,
  evidence: [(v)-[:CITES]->(e:Evidence) | e {
    .id, .stance, .excerpt, .note,
    document: [(e)-[:QUOTES]->(d:Document) | d {
      .id, .title, .url, source: [(d)-[:PUBLISHED_BY]->(s:Source) | s {.id, .name, .domain}][0]
    }][0]
  }],
  history: [(other:Verdict)-[:RATES]->(c) WHERE other.published_at IS NOT NULL | other {
    .id, .rating, .version, .state, published_at: toString(other.published_at),
    superseded_at: toString(other.superseded_at), withdrawn_at: toString(other.withdrawn_at)
  }]
} AS verdict
ORDER BY position
