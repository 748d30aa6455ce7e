// Claims with a published verdict whose text or review headline matches $q, best first, with those verdicts.
CALL db.index.fulltext.queryNodes('claim_match', $q, {limit: 200}) YIELD node AS c, score
WHERE EXISTS { (:Verdict {state: $published_verdict})-[:RATES]->(c) }
WITH c, score ORDER BY score DESC LIMIT $limit
RETURN c {.id, .text, .language, .headline} AS claim, score,
       [(v:Verdict {state: $published_verdict})-[:RATES]->(c) | v {
         .id, .rating, .rating_label, .summary, .external, .external_url,
         published_at: toString(v.published_at),
         reviewer: [(v)-[:PUBLISHED_BY]->(s:Source) | s {.id, .name}][0]
       }] AS verdicts
