// A document's metadata, without its bytes or text; no row when there is none.
MATCH (d:Document {id: $id})
RETURN d {
  .id, .url, .final_url, .title, .origin, .content_type, .http_status, .size, .text_length,
  .sha256, .text_sha256, .created_by,
  retrieved_at: toString(d.retrieved_at),
  publisher: [(d)-[:PUBLISHED_BY]->(s:Source) | s {.id, .name, .kind, .domain}][0],
  revision_of: [(d)-[:REVISION_OF]->(old:Document) | old.id][0],
  revised_by: [(newer:Document)-[:REVISION_OF]->(d) | newer.id],
  derived_from: [(d)-[:DERIVED_FROM]->(x) | x.id]
} AS document
