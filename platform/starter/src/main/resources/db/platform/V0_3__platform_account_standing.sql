-- Account standing as this service last heard it from user-service's events (UserSuspended,
-- UserReinstated): money and bidding paths refuse a suspended account without asking anyone.
-- changed_at orders the events, so a late, older event never overrides a newer one.
CREATE TABLE IF NOT EXISTS platform_account_standing (
  user_id    TEXT PRIMARY KEY,
  suspended  BOOLEAN NOT NULL,
  changed_at TIMESTAMPTZ NOT NULL
);
