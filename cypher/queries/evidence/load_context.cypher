// What a new piece of evidence needs: the claim, the document's text, and which of the
// `derived_from` ids name evidence or documents (with their label).
OPTIONAL MATCH (c:Claim {id: $claim_id})
OPTIONAL MATCH (d:Document {id: $document_id})
CALL () {
  UNWIND $derived_from AS ref
  OPTIONAL CALL (ref) {
    MATCH (n:Evidence {id: ref}) RETURN n, 'Evidence' AS label
    UNION
    MATCH (n:Document {id: ref}) RETURN n, 'Document' AS label
  }
  RETURN collect(CASE WHEN n IS NOT NULL THEN {id: ref, label: label} END) AS found
}
RETURN c.id AS claim_id, d.id AS document_id, d.text AS text, found
