// Takes the write lock on the chain head for the rest of the transaction; returns the tip.
MERGE (h:AuditHead {id: 'audit'})
  ON CREATE SET h.seq = 0, h.hash = ''
SET h.locked_at = timestamp()
RETURN h.seq AS seq, h.hash AS hash
