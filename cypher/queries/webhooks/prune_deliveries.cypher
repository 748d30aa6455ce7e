// Deletes up to $limit delivered or dead deliveries that finished before $before; returns how many.
MATCH (d:Delivery)
WHERE d.status IN ['delivered', 'dead']
  AND coalesce(d.delivered_at, d.last_attempt_at, d.created_at) < $before
WITH d LIMIT $limit
DETACH DELETE d
RETURN count(*) AS pruned
