// Registers an active webhook; the secret is stored for signing and never returned.
CREATE (w:Webhook {
  id: $id, url: $url, events: $events, secret: $secret, secret_hint: $secret_hint,
  active: true, created_by: $user, created_at: $now
})
RETURN w {
  .id, .url, .events, .secret_hint, .active, .created_by,
  created_at: toString(w.created_at), deactivated_at: null, deactivated_by: null
} AS webhook
