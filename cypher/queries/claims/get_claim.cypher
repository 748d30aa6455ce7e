// One claim with its span, actors, sources, assignee and the submitter of a verdict awaiting
// approval (the workflow's guards need both); no row when there is none.
MATCH (c:Claim {id: $id})
OPTIONAL MATCH (c)-[span:APPEARS_IN]->(article:Article)
RETURN c {
    .id, .text, .kind, .checkworthiness, .reasons, .state, .version,
    created_at: toString(c.created_at),
    start: span.start, `end`: span.`end`, article_id: article.id,
    assignee: [(u:User)-[:ASSIGNED]->(c) | u.id][0],
    stated_by: [(c)-[:STATED_BY]->(x:Actor) | x.id],
    reported_by: [(c)-[:REPORTED_BY]->(s:Source) | s.id],
    mentions: [(c)-[:MENTIONS]->(m:Actor) | m.id],
    span: CASE WHEN article IS NULL THEN null ELSE {
      article_id: article.id, title: article.title, url: article.url,
      start: span.start, `end`: span.`end`,
      context: substring(article.text, span.start, span.`end` - span.start)
    } END,
    actors: [(c)-[:STATED_BY|MENTIONS]->(x:Actor) | x {
      .id, .name, .kind, .title, .aliases,
      affiliated_with: [(x)-[:AFFILIATED_WITH]->(g:Actor) | g.id]
    }],
    sources: [(c)-[:REPORTED_BY]->(s:Source) | s {.id, .name, .kind, .domain}],
    submitted_by: [(v:Verdict {state: $submitted_verdict})-[:RATES]->(c) | v.submitted_by][0],
    verdict_authors: [(v:Verdict {state: $submitted_verdict})-[:RATES]->(c) |
      [(e:Event)-[:ABOUT]->(v) WHERE e.action IN $authoring_actions | e.user]][0]
} AS claim
