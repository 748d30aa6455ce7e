// Full-text candidates for each new claim ($claims: id, q, key), best first, with what choosing a link
// needs: when the candidate was written (epoch ms) and its standing verdicts. Pairs a reviewer
// rejected (a NOT_SAME_AS whose other end had the new claim's text) are left out.
UNWIND $claims AS row
CALL (row) {
  CALL db.index.fulltext.queryNodes('claim_match', row.q, {limit: $limit}) YIELD node AS c, score
  WHERE c.id <> row.id
    AND NOT EXISTS { (c)-[r:NOT_SAME_AS]->(:Claim) WHERE r.end_key = row.key }
    AND NOT EXISTS { (c)<-[r:NOT_SAME_AS]-(:Claim) WHERE r.start_key = row.key }
  RETURN c, score
}
RETURN row.id AS claim_id, score,
       c {.id, .text, .headline,
          since: c.created_at.epochMillis,
          verdicts: [(v:Verdict {state: $published_verdict})-[:RATES]->(c) | v {.id, .rating}]
       } AS claim
