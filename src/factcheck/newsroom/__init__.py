"""What newsrooms read: published verdicts, ClaimReview, verdicts as of a date, claim matching."""
