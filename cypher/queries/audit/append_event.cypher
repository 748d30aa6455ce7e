// Appends one event after the tip locked by audit/lock_head, and links it to what it is about.
MATCH (h:AuditHead {id: 'audit'})
CREATE (e:Event)
SET e = $event
SET h.seq = $event.seq, h.hash = $event.hash
WITH e
OPTIONAL MATCH (prev:Event {seq: $event.seq - 1})
CALL (e, prev) {
  WITH e, prev WHERE prev IS NOT NULL
  CREATE (e)-[:FOLLOWS]->(prev)
}
WITH e
UNWIND $about AS ref
CALL (ref) {
  MATCH (n:Claim {id: ref.id}) WHERE ref.label = 'Claim' RETURN n
  UNION MATCH (n:Verdict {id: ref.id}) WHERE ref.label = 'Verdict' RETURN n
  UNION MATCH (n:Evidence {id: ref.id}) WHERE ref.label = 'Evidence' RETURN n
  UNION MATCH (n:Document {id: ref.id}) WHERE ref.label = 'Document' RETURN n
  UNION MATCH (n:Article {id: ref.id}) WHERE ref.label = 'Article' RETURN n
  UNION MATCH (n:User {id: ref.id}) WHERE ref.label = 'User' RETURN n
  UNION MATCH (n:Webhook {id: ref.id}) WHERE ref.label = 'Webhook' RETURN n
}
CREATE (e)-[:ABOUT]->(n)
RETURN count(*) AS linked
