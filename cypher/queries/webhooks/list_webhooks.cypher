// Webhooks newest first, without secrets; deactivated ones only when asked for.
MATCH (w:Webhook)
WHERE w.active OR $include_inactive
WITH w ORDER BY w.created_at DESC, w.id DESC
RETURN w {
  .id, .url, .events, .secret_hint, .active, .created_by, .deactivated_by,
  created_at: toString(w.created_at), deactivated_at: toString(w.deactivated_at)
} AS webhook
