// Appends events after the tip locked by audit/lock_head, each linked to what it is about and
// FOLLOWS the one before it; then moves the head to the last. One statement for any number.
// Each row of $events is {event: the stored properties, about: {label: [ids]} for every label}.
UNWIND $events AS row
CREATE (e:Event)
SET e = row.event
WITH e, row
CALL (e, row) { UNWIND row.about.Claim AS id MATCH (n:Claim {id: id}) CREATE (e)-[:ABOUT]->(n) }
CALL (e, row) { UNWIND row.about.Verdict AS id MATCH (n:Verdict {id: id}) CREATE (e)-[:ABOUT]->(n) }
CALL (e, row) { UNWIND row.about.Evidence AS id MATCH (n:Evidence {id: id}) CREATE (e)-[:ABOUT]->(n) }
CALL (e, row) { UNWIND row.about.Document AS id MATCH (n:Document {id: id}) CREATE (e)-[:ABOUT]->(n) }
CALL (e, row) { UNWIND row.about.Article AS id MATCH (n:Article {id: id}) CREATE (e)-[:ABOUT]->(n) }
CALL (e, row) { UNWIND row.about.User AS id MATCH (n:User {id: id}) CREATE (e)-[:ABOUT]->(n) }
CALL (e, row) { UNWIND row.about.Webhook AS id MATCH (n:Webhook {id: id}) CREATE (e)-[:ABOUT]->(n) }
WITH collect(e) AS appended
CALL (appended) {
  UNWIND appended AS e
  MATCH (prev:Event {seq: e.seq - 1})
  CREATE (e)-[:FOLLOWS]->(prev)
}
MATCH (h:AuditHead {id: 'audit'})
SET h.seq = $head.seq, h.hash = $head.hash
RETURN size(appended) AS appended
