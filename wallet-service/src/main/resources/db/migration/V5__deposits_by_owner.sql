-- A user's wallet page lists their deposits (pending with their confirmations, then credited) and
-- the balance shows the pending sum: both look deposits up by owner.
create index deposits_by_owner on deposits (owner, detected_at desc);
