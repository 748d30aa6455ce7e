// The audit chain's head: one node holding the latest sequence number and hash.
CREATE CONSTRAINT audit_head_id IF NOT EXISTS FOR (n:AuditHead) REQUIRE n.id IS UNIQUE;
CREATE INDEX event_subject IF NOT EXISTS FOR (n:Event) ON (n.subject);
