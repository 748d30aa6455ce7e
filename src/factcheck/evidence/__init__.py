"""Evidence: one reviewer's reading of one document for one claim, and the chains it rests on."""
