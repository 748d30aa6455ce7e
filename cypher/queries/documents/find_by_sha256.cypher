// The document whose stored bytes have this sha256; no row when there is none.
MATCH (d:Document {sha256: $sha256})
RETURN d.id AS id
