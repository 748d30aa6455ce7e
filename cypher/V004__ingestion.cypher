// Ingestion: actors and sources are found again by key; aliases point at their actor.
CREATE CONSTRAINT actor_key IF NOT EXISTS FOR (n:Actor) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT actor_alias_key IF NOT EXISTS FOR (n:ActorAlias) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT source_key IF NOT EXISTS FOR (n:Source) REQUIRE n.key IS UNIQUE;
CREATE INDEX claim_created_at IF NOT EXISTS FOR (n:Claim) ON (n.created_at);
