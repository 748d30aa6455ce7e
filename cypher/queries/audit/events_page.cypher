// One page of the chain in seq order: events after $after up to $through, at most $limit,
// each with the seq of the event it FOLLOWS.
MATCH (e:Event)
WHERE e.seq > $after AND e.seq <= $through
WITH e
ORDER BY e.seq
LIMIT $limit
RETURN e {.*} AS event, [(e)-[:FOLLOWS]->(p:Event) | p.seq] AS follows
