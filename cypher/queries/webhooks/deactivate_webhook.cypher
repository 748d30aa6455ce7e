// Deactivates an active webhook and cancels its deliveries that are waiting or in flight.
// No row when no webhook has the id; `was_active` is false when it was deactivated before.
// The outbox lock orders this against claims: a delivery is claimed before (and then counts
// as in flight) or after (and then is not due), never between the read and the write.
MATCH (w:Webhook {id: $id})
MERGE (lock:WebhookOutbox {id: 'outbox'})
SET lock.deactivated_at = $now
WITH w
CALL (w) {
  WITH w, w.active AS was_active
  CALL (w, was_active) {
    WITH w, was_active WHERE was_active
    SET w.active = false, w.deactivated_at = $now, w.deactivated_by = $user
  }
  CALL (w, was_active) {
    OPTIONAL MATCH (d:Delivery)-[:FOR]->(w)
    WHERE was_active AND d.status IN ['pending', 'sending']
    SET d.status = 'cancelled', d.next_attempt_at = null, d.cancelled_at = $now
    RETURN count(d) AS cancelled
  }
  RETURN was_active, cancelled
}
RETURN was_active, cancelled, w {
  .id, .url, .events, .secret_hint, .active, .created_by, .deactivated_by,
  created_at: toString(w.created_at), deactivated_at: toString(w.deactivated_at)
} AS webhook
