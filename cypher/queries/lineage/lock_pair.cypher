// Write-locks two claims for the rest of the transaction and reads the links between them.
MATCH (a:Claim {id: $claim_id}), (b:Claim {id: $other_id})
SET a._lock = true, b._lock = true
REMOVE a._lock, b._lock
RETURN a.text AS text, b.text AS other_text,
       [(a)-[r:SAME_AS|SIMILAR_TO|NOT_SAME_AS]-(b) | {
         relation: type(r), confirmed: r.confirmed_at IS NOT NULL, rejected: type(r) = 'NOT_SAME_AS'
       }] AS links
