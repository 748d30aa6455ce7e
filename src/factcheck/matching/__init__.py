"""Claim matching: has this been checked before? Query cleaning, candidate search, re-ranking."""
