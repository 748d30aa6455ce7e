// A page of articles, newest first, after the cursor (ingested_at, id).
MATCH (a:Article)
WHERE $after_at IS NULL
   OR a.ingested_at < datetime($after_at)
   OR (a.ingested_at = datetime($after_at) AND a.id < $after_id)
WITH a ORDER BY a.ingested_at DESC, a.id DESC LIMIT $limit
OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(publisher:Source)
RETURN a {
  .id, .url, .title, .language, .author, .sha256,
  published_at: toString(a.published_at), ingested_at: toString(a.ingested_at),
  publisher: CASE WHEN publisher IS NULL THEN null
             ELSE publisher {.id, .name, .kind, .domain} END,
  claim_count: COUNT { (a)<-[:APPEARS_IN]-(:Claim) }
} AS article
ORDER BY a.ingested_at DESC, a.id DESC
