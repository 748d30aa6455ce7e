// The SAME_AS cluster of a claim as it stood at $as_of (or now): every member with its appearances
// (article, publisher, who stated it, who reported it), its SAME_AS links, whether a chain of
// confirmed links joins it to the claim, and the verdicts standing on it. No row for an unknown id.
MATCH (c:Claim {id: $claim_id})
WHERE $as_of IS NULL OR c.created_at <= datetime($as_of)
CALL (c) {
  MATCH (c) (()-[l:SAME_AS WHERE $as_of IS NULL OR l.created_at <= datetime($as_of)]-()){0,} (m:Claim)
  RETURN collect(DISTINCT m) AS members
}
CALL (c) {
  MATCH (c) (()-[l:SAME_AS WHERE l.confirmed_at IS NOT NULL
                 AND ($as_of IS NULL OR l.confirmed_at <= datetime($as_of))]-()){0,} (m:Claim)
  RETURN collect(DISTINCT m.id) AS confirmed
}
UNWIND members AS m
WITH c, m, confirmed
RETURN c.id AS claim_id, m {
  .id, .text, .state, .appearance_url, external: coalesce(m.external, false),
  created_at: toString(m.created_at),
  confirmed: m.id IN confirmed,
  links: [(m)-[l:SAME_AS]->(t:Claim)
          WHERE $as_of IS NULL OR l.created_at <= datetime($as_of) | {
            to: t.id, score: l.score,
            confirmed: l.confirmed_at IS NOT NULL AND ($as_of IS NULL OR l.confirmed_at <= datetime($as_of)),
            confirmed_by: l.confirmed_by, confirmed_at: toString(l.confirmed_at)
          }],
  appearances: [(m)-[:APPEARS_IN]->(a:Article)
                WHERE $as_of IS NULL OR a.ingested_at <= datetime($as_of) | {
    article: a {.id, .title, .url, published_at: toString(a.published_at), ingested_at: toString(a.ingested_at)},
    at: toString(coalesce(a.published_at, a.ingested_at)),
    epoch: coalesce(a.published_at, a.ingested_at).epochMillis,
    source: [(a)-[:PUBLISHED_BY]->(s:Source) | s {.id, .name, .domain}][0]
  }],
  stated_by: [(m)-[:STATED_BY]->(x:Actor) | x {.id, .name, .kind}],
  reported_by: [(m)-[:REPORTED_BY]->(s:Source) | s {.id, .name, .domain}],
  verdicts: [(v:Verdict)-[:RATES]->(m) WHERE {{verdict_standing}} | v {
    .id, .rating, .rating_label, .summary, .external, .external_url,
    published_at: toString(v.published_at), claim_id: m.id
  }]
} AS member
