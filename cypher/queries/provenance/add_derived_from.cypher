// Links one Evidence or Document node ($label) to the nodes it derives from. Refuses the whole
// request, writing nothing, when a target is unknown or when a link would close a cycle, that is
// when the target already reaches the node through DERIVED_FROM or QUOTES. No row when the node
// does not exist.
CALL () {
  MATCH (n:Evidence {id: $id}) WHERE $label = 'Evidence' RETURN n
  UNION
  MATCH (n:Document {id: $id}) WHERE $label = 'Document' RETURN n
}
UNWIND $targets AS ref
OPTIONAL CALL (ref) {
  MATCH (t:Evidence {id: ref}) RETURN t, 'Evidence' AS target_label
  UNION
  MATCH (t:Document {id: ref}) RETURN t, 'Document' AS target_label
}
OPTIONAL CALL (n, t) {
  MATCH p = SHORTEST 1 (t)-[:DERIVED_FROM|QUOTES]->*(n)
  RETURN [x IN nodes(p) | x.id] AS cycle
}
WITH n, collect({ref: ref, t: t, label: target_label, cycle: cycle}) AS checks
WITH n, checks,
     [c IN checks WHERE c.t IS NULL | c.ref] AS unknown,
     [c IN checks WHERE c.cycle IS NOT NULL | [n.id] + c.cycle] AS cycles
CALL (n, checks, unknown, cycles) {
  WITH n, checks WHERE size(unknown) = 0 AND size(cycles) = 0
  UNWIND checks AS c
  WITH n, c.t AS t
  OPTIONAL MATCH (n)-[existing:DERIVED_FROM]->(t)
  WITH n, t, existing WHERE existing IS NULL
  CREATE (n)-[:DERIVED_FROM]->(t)
  RETURN collect(t.id) AS added
}
RETURN n.id AS id, unknown, cycles, added,
       [c IN checks WHERE c.t IS NOT NULL | {id: c.ref, label: c.label}] AS targets
