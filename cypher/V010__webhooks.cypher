// Webhooks and their outbox: deliveries wait in the graph until sent, found by status and due time.
CREATE CONSTRAINT webhook_id IF NOT EXISTS FOR (n:Webhook) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT delivery_id IF NOT EXISTS FOR (n:Delivery) REQUIRE n.id IS UNIQUE;
// The one node a dispatcher locks while it claims due deliveries, so claims never overlap.
CREATE CONSTRAINT webhook_outbox_id IF NOT EXISTS FOR (n:WebhookOutbox) REQUIRE n.id IS UNIQUE;
CREATE INDEX delivery_due IF NOT EXISTS FOR (n:Delivery) ON (n.status, n.next_attempt_at);
CREATE INDEX delivery_lease IF NOT EXISTS FOR (n:Delivery) ON (n.status, n.lease_until);
CREATE INDEX webhook_created_at IF NOT EXISTS FOR (n:Webhook) ON (n.created_at);
