// One webhook, without its secret; no row when no webhook has the id.
MATCH (w:Webhook {id: $id})
RETURN w {
  .id, .url, .events, .secret_hint, .active, .created_by, .deactivated_by,
  created_at: toString(w.created_at), deactivated_at: toString(w.deactivated_at)
} AS webhook
