// A document's extracted text, the string evidence offsets index; no row when there is none.
MATCH (d:Document {id: $id})
RETURN d.text AS text, d.text_sha256 AS text_sha256
