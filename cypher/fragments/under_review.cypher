// True for a published verdict `v` of our own whose claim `c` has been reopened for a new verdict.
(v.state = $published_verdict AND c.state <> $published_claim AND NOT coalesce(v.external, false))
