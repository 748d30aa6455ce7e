// True for a verdict `v` that stands now (published), or that stood at $as_of when it is given.
v.published_at IS NOT NULL
  AND CASE WHEN $as_of IS NULL THEN v.state = $published_verdict
         ELSE v.published_at <= datetime($as_of)
              AND (v.superseded_at IS NULL OR v.superseded_at > datetime($as_of))
              AND (v.withdrawn_at IS NULL OR v.withdrawn_at > datetime($as_of)) END
