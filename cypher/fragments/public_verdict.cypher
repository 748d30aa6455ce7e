// What newsrooms see of a published verdict `v` on claim `c`.
v {
    .id, .rating, .rating_label, .summary, .version, .state, .external, .external_url,
    published_at: toString(v.published_at), superseded_at: toString(v.superseded_at),
    withdrawn_at: toString(v.withdrawn_at),
    under_review: {{under_review}},
    claim: c {.id, .text, .kind, .language},
    claimants: [(c)-[:STATED_BY]->(x:Actor) | x {.id, .name, .kind}],
    reviewer: [(v)-[:PUBLISHED_BY]->(s:Source) | s {.id, .name, .domain}][0]
  }
