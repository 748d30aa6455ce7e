"""Traces for auditors: from a claim or verdict to every document it rests on, with proofs."""
