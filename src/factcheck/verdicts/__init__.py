"""Verdicts: versioned ratings of a claim that cite evidence; only drafts are edited."""
