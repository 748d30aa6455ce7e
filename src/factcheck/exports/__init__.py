"""Standard exports: schema.org ClaimReview and W3C PROV-O, as JSON-LD."""
