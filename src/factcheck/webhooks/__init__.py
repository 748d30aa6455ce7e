"""Signed webhooks for newsrooms, delivered from an outbox kept in the graph.

A change that newsrooms subscribe to calls `enqueue()` inside its own write transaction,
which adds one pending `Delivery` per subscribed webhook. The `Dispatcher` started in the
app lifespan claims due deliveries with a lease, POSTs them signed, and records the outcome.
Receivers check the `X-Factcheck-Signature` header with `verify_signature()`.
"""
