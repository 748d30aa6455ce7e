// Appends one event after the tip locked by audit/lock_head, and links it to what it is about.
// $about maps each allowed label to the ids of that label (an empty list when none).
MATCH (h:AuditHead {id: 'audit'})
CREATE (e:Event)
SET e = $event
SET h.seq = $event.seq, h.hash = $event.hash
WITH e
CALL (e) {
  MATCH (prev:Event {seq: $event.seq - 1})
  CREATE (e)-[:FOLLOWS]->(prev)
}
CALL (e) { UNWIND $about.Claim AS id MATCH (n:Claim {id: id}) CREATE (e)-[:ABOUT]->(n) }
CALL (e) { UNWIND $about.Verdict AS id MATCH (n:Verdict {id: id}) CREATE (e)-[:ABOUT]->(n) }
CALL (e) { UNWIND $about.Evidence AS id MATCH (n:Evidence {id: id}) CREATE (e)-[:ABOUT]->(n) }
CALL (e) { UNWIND $about.Document AS id MATCH (n:Document {id: id}) CREATE (e)-[:ABOUT]->(n) }
CALL (e) { UNWIND $about.Article AS id MATCH (n:Article {id: id}) CREATE (e)-[:ABOUT]->(n) }
CALL (e) { UNWIND $about.User AS id MATCH (n:User {id: id}) CREATE (e)-[:ABOUT]->(n) }
CALL (e) { UNWIND $about.Webhook AS id MATCH (n:Webhook {id: id}) CREATE (e)-[:ABOUT]->(n) }
RETURN e.seq AS seq
