// Review workflow: verdicts looked up by state, users by name.
CREATE INDEX verdict_state IF NOT EXISTS FOR (n:Verdict) ON (n.state);
CREATE INDEX user_name IF NOT EXISTS FOR (n:User) ON (n.name);
