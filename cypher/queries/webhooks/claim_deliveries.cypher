// Claims up to $limit due deliveries for one dispatcher pass, with a lease until $lease_until.
// Due: pending and next_attempt_at reached, or sending with an expired lease (its worker died).
// The outbox node is write-locked before the deliveries are read, so concurrent claims run one
// after another and each sees the leases the previous one committed: no row is claimed twice.
// The lock node is touched only when something is due, so an idle outbox writes nothing.
WITH 1 AS start
WHERE EXISTS {
  MATCH (d:Delivery)
  WHERE (d.status = 'pending' AND d.next_attempt_at <= $now)
     OR (d.status = 'sending' AND d.lease_until <= $now)
}
MERGE (lock:WebhookOutbox {id: 'outbox'})
SET lock.claimed_at = $now, lock.claimed_by = $token
WITH lock
CALL (lock) {
  MATCH (d:Delivery)-[:FOR]->(w:Webhook)
  WHERE w.active
    AND ((d.status = 'pending' AND d.next_attempt_at <= $now)
      OR (d.status = 'sending' AND d.lease_until <= $now))
  WITH d, w ORDER BY d.next_attempt_at, d.id LIMIT $limit
  SET d.status = 'sending', d.lease_until = $lease_until, d.lease_token = $token
  RETURN d, w
}
RETURN d.id AS id, d.event_type AS event_type, d.payload AS payload, d.attempts AS attempts,
       d.created_at AS created_at, w.id AS webhook_id, w.url AS url, w.secret AS secret
