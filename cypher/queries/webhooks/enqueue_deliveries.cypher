// The outbox write: one pending delivery for each active webhook subscribed to the event type.
MATCH (w:Webhook)
WHERE w.active AND $event_type IN w.events
CREATE (d:Delivery {
  id: randomUUID(), event_type: $event_type, payload: $payload, status: 'pending', attempts: 0,
  next_attempt_at: $now, created_at: $now
})-[:FOR]->(w)
RETURN count(d) AS created
