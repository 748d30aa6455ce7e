"""Actors and sources: who makes claims, and who reports them."""
