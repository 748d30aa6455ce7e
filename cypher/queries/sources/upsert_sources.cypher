// Finds or creates each source by its key; returns key -> id.
UNWIND $sources AS row
MERGE (s:Source {key: row.key})
  ON CREATE SET s.id = row.id, s.name = row.name, s.kind = row.kind, s.domain = row.domain,
                s.created_at = datetime()
  ON MATCH SET s.domain = coalesce(s.domain, row.domain)
RETURN row.key AS key, s.id AS id
