// The chain head (seq and hash of the latest event), and whether any event exists at all.
OPTIONAL MATCH (h:AuditHead {id: 'audit'})
RETURN h.seq AS seq, h.hash AS hash, EXISTS { MATCH (:Event) } AS has_events
