// Creates evidence about a claim, quoting a document, derived from the nodes in $derived_from.
MATCH (c:Claim {id: $claim_id})
MATCH (d:Document {id: $document_id})
CREATE (e:Evidence)
SET e = $evidence, e.created_at = datetime($evidence.created_at)
CREATE (e)-[:ABOUT]->(c)
CREATE (e)-[:QUOTES]->(d)
WITH e
CALL (e) {
  UNWIND $derived_from AS ref
  CALL (ref) {
    MATCH (n:Evidence {id: ref}) RETURN n
    UNION
    MATCH (n:Document {id: ref}) RETURN n
  }
  MERGE (e)-[:DERIVED_FROM]->(n)
  RETURN count(n) AS linked
}
RETURN e.id AS id, linked
