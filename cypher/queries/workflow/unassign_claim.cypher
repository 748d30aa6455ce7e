// Removes a claim's assignee.
MATCH (:User)-[a:ASSIGNED]->(:Claim {id: $id})
DELETE a
RETURN count(*) AS removed
