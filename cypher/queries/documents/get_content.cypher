// A document's stored bytes and content type; no row when there is none.
MATCH (d:Document {id: $id})
RETURN d.raw AS raw, d.content_type AS content_type, d.sha256 AS sha256
