// The provenance of a claim ($claim_id), or of one verdict and the versions it supersedes
// ($verdict_id), in one round trip: the claim, its article and publisher, the verdicts, the
// evidence they cite, every DERIVED_FROM and QUOTES step from that evidence up to $max_depth
// (the literal 32 is the ceiling), the documents' publishers, the audit events about all of
// these, and the users they name. Each chain node comes once, with its shortest depth; the out-
// edges of the deepest nodes are returned even when their targets were cut, so the caller can
// tell where the bound stopped a chain. No row when the claim or verdict does not exist.
CALL () {
  MATCH (c:Claim {id: $claim_id})
  RETURN c, null AS root
  UNION
  MATCH (root:Verdict {id: $verdict_id})-[:RATES]->(c:Claim)
  RETURN c, root
}
WITH c, root LIMIT 1
CALL (c) {
  OPTIONAL MATCH (c)-[span:APPEARS_IN]->(a:Article)
  OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(s:Source)
  RETURN collect(DISTINCT a) AS articles,
         collect(DISTINCT s) AS article_sources,
         collect(CASE WHEN a IS NOT NULL THEN {source: c.id, target: a.id, type: 'APPEARS_IN',
                      properties: {start: span.start, `end`: span.`end`}} END)
         + collect(CASE WHEN s IS NOT NULL THEN {source: a.id, target: s.id, type: 'PUBLISHED_BY'} END)
           AS article_edges
}
CALL (c, root) {
  OPTIONAL MATCH (v:Verdict)-[:RATES]->(c)
    WHERE root IS NULL OR EXISTS { (root)-[:SUPERSEDES*0..]->(v) }
  RETURN collect(v) AS verdicts
}
CALL (c, verdicts) {
  UNWIND verdicts AS v
  OPTIONAL MATCH (v)-[r:SUPERSEDES|CITES]->(x)
    WHERE (type(r) = 'CITES' AND x:Evidence) OR (type(r) = 'SUPERSEDES' AND x IN verdicts)
  RETURN collect(DISTINCT CASE WHEN x:Evidence THEN x END) AS cited,
         collect(DISTINCT {source: v.id, target: c.id, type: 'RATES'})
         + collect(CASE WHEN x IS NOT NULL THEN {source: v.id, target: x.id, type: type(r)} END)
           AS verdict_edges
}
CALL (cited) {
  UNWIND cited AS e
  MATCH p = SHORTEST 1 (e)-[:DERIVED_FROM|QUOTES]->{0,32}(x:Evidence|Document)
  WITH x, min(length(p)) AS depth
    WHERE depth <= $max_depth
  RETURN collect({node: x, depth: depth}) AS reached
}
CALL (c, reached) {
  UNWIND reached AS hit
  WITH hit.node AS n
  MATCH (n)-[rel:DERIVED_FROM|QUOTES|PUBLISHED_BY|ABOUT]->(m)
    WHERE CASE type(rel) WHEN 'ABOUT' THEN m = c WHEN 'PUBLISHED_BY' THEN m:Source ELSE true END
  RETURN collect({source: n.id, target: m.id, type: type(rel)}) AS chain_edges,
         collect(DISTINCT CASE WHEN m:Source THEN m END) AS document_sources
}
WITH c, root, articles, article_sources, article_edges, verdicts, verdict_edges, reached, chain_edges,
     document_sources
CALL (c, articles, article_sources, verdicts, reached, document_sources) {
  UNWIND [c] + articles + article_sources + verdicts + [hit IN reached | hit.node] + document_sources AS n
  WITH DISTINCT n
  MATCH (ev:Event)-[:ABOUT]->(n)
  RETURN collect(DISTINCT ev) AS events, collect({source: ev.id, target: n.id, type: 'ABOUT'}) AS event_edges
}
CALL (events, verdicts, reached) {
  UNWIND [ev IN events | ev.user]
         + [v IN verdicts | v.created_by] + [v IN verdicts | v.submitted_by]
         + [v IN verdicts | v.approved_by] + [v IN verdicts | v.withdrawn_by]
         + [hit IN reached | hit.node.created_by] AS user_id
  WITH DISTINCT user_id WHERE user_id IS NOT NULL
  MATCH (u:User {id: user_id})
  RETURN collect(u {.id, .name, .roles}) AS users
}
RETURN c.id AS claim_id,
       root.id AS verdict_id,
       properties(c) AS claim,
       [a IN articles | a {.*, text: null}] AS articles,
       [s IN article_sources + document_sources | properties(s)] AS sources,
       [v IN verdicts | properties(v)] AS verdicts,
       [hit IN reached | {
         label: CASE WHEN hit.node:Evidence THEN 'Evidence' ELSE 'Document' END,
         depth: hit.depth,
         properties: properties(hit.node)
       }] AS chain,
       [ev IN events | properties(ev)] AS events,
       users,
       article_edges + verdict_edges + chain_edges + event_edges AS edges
