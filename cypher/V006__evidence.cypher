// Documents: a snapshot is found again by the hash of its bytes, the latest one of a URL by that URL.
CREATE CONSTRAINT document_sha256 IF NOT EXISTS FOR (n:Document) REQUIRE n.sha256 IS UNIQUE;
CREATE INDEX document_url IF NOT EXISTS FOR (n:Document) ON (n.url);
