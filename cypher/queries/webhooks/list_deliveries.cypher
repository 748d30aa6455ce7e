// A page of one webhook's deliveries, newest first, after the cursor (created_at, id).
// No row when no webhook has the id.
MATCH (w:Webhook {id: $id})
CALL (w) {
  OPTIONAL MATCH (d:Delivery)-[:FOR]->(w)
  WHERE ($status IS NULL OR d.status = $status)
    AND ($after_at IS NULL
      OR d.created_at < datetime($after_at)
      OR (d.created_at = datetime($after_at) AND d.id < $after_id))
  WITH d ORDER BY d.created_at DESC, d.id DESC LIMIT $limit
  RETURN collect(d {
    .id, .event_type, .payload, .status, .attempts, .last_error, .response_status,
    webhook_id: w.id,
    created_at: toString(d.created_at), next_attempt_at: toString(d.next_attempt_at),
    last_attempt_at: toString(d.last_attempt_at), delivered_at: toString(d.delivered_at)
  }) AS deliveries
}
RETURN deliveries
