// A claim's audit events (about the claim, its verdicts and its evidence) in seq order.
// No row when the claim does not exist; one row with a null event when nothing happened yet.
MATCH (c:Claim {id: $claim_id})
UNWIND [c] + [(v:Verdict)-[:RATES]->(c) | v] + [(x:Evidence)-[:ABOUT]->(c) | x] AS subject
OPTIONAL MATCH (e:Event)-[:ABOUT]->(subject)
WITH DISTINCT e
OPTIONAL MATCH (u:User {id: e.user})
RETURN e {.*, user_name: u.name} AS event
ORDER BY e.seq
