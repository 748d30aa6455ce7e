// Records the outcome of one dispatcher pass, for the deliveries that pass still holds.
// A delivery cancelled while in flight stays cancelled unless this attempt delivered it.
// Holding the outbox lock keeps a concurrent claim from reading a half-applied outcome.
MERGE (lock:WebhookOutbox {id: 'outbox'})
SET lock.recorded_at = $now
WITH lock
CALL (lock) {
  UNWIND $outcomes AS o
  MATCH (d:Delivery {id: o.id})
  WHERE d.lease_token = $token
  WITH d, o, d.status = 'cancelled' AS cancelled
  SET d.attempts = d.attempts + 1,
      d.last_attempt_at = $now,
      d.response_status = o.response_status,
      d.last_error = coalesce(o.error, d.last_error),
      d.lease_until = null,
      d.lease_token = null,
      d.delivered_at = CASE WHEN o.status = 'delivered' THEN $now ELSE d.delivered_at END,
      d.next_attempt_at = CASE WHEN o.status = 'pending' AND NOT cancelled THEN o.next_attempt_at END,
      d.status = CASE WHEN cancelled AND o.status <> 'delivered' THEN 'cancelled' ELSE o.status END
  RETURN count(d) AS recorded
}
RETURN recorded
