#!/usr/bin/env bash
# A private conversation to open: bob asked alice about one of her fixed-price listings and she
# answered (the Messages pages and the header badge have something to show). Idempotent: a thread
# that already has messages is left as it is; the fixed Idempotency-Keys make each message once.
. "$(dirname "$0")/lib.sh"

as_user alice
LISTING=$(api GET '/api/v1/listing/listings/mine?status=active' | jq -r '[.items[] | select(.format == "fixed")][0].id // empty')
if [ -z "$LISTING" ]; then
  say "alice has no active fixed-price listing: no conversation"
  exit 0
fi
ALICE_TOKEN=$DEMO_TOKEN

as_user bob
THREAD=$(api POST /api/v1/messaging/threads "$(jq -nc --arg l "$LISTING" '{listingId: $l}')")
THREAD_ID=$(jq -r .threadId <<<"$THREAD")
if [ "$(jq -r '.lastMessage // empty' <<<"$THREAD")" != "" ]; then
  say "bob and alice already talk about $LISTING"
  exit 0
fi
IDEMPOTENCY_KEY=demo-bob-asks-alice api POST "/api/v1/messaging/threads/$THREAD_ID/messages" \
  '{"body":"Hi alice, is this still available? Could you combine shipping with another item?"}' >/dev/null
DEMO_TOKEN=$ALICE_TOKEN
IDEMPOTENCY_KEY=demo-alice-answers-bob api POST "/api/v1/messaging/threads/$THREAD_ID/messages" \
  '{"body":"Hi bob, yes it is. Happy to combine shipping: buy both and I will refund the difference."}' >/dev/null
say "bob asked alice about $LISTING; she answered (thread $THREAD_ID)"
