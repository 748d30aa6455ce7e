"""Claim lineage: which claims repeat which, where a claim first appeared, and who spread it."""
