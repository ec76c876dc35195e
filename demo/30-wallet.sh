#!/usr/bin/env bash
# Demo data for the wallet: each demo user starts with 10,000 DOGE, sent to their deposit address
# on the local Dogecoin chain, found by the deposit-watcher function and credited by its
# DepositConfirmationWorkflow after 6 confirmations (about 30 s at the dev node's 5 s blocks). Idempotent: a user who already has money, or whom an
# earlier run already funded (marker under .dbay/demo/, for coins still waiting for confirmations),
# is skipped.
# shellcheck source=demo/lib.sh
. "$(dirname "$0")/lib.sh"

AMOUNT=10000
ROOT=${DBAY_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
MARKERS="$ROOT/.dbay/demo"
mkdir -p "$MARKERS"

for user in "${DEMO_USERS[@]}"; do
  marker="$MARKERS/wallet-funded-$user"
  if [ -f "$marker" ]; then
    say "$user was already funded"
    continue
  fi
  as_user "$user"
  balance=$(api GET /api/v1/wallet/balance)
  if [ "$(jq -r '[.available, .held, .escrow] | map(tonumber) | add' <<<"$balance")" != 0 ]; then
    say "$user already has money"
    touch "$marker"
    continue
  fi
  address=$(api GET /api/v1/wallet/deposit-address | jq -r .address)
  "$ROOT/dbay" faucet "$address" "$AMOUNT" >/dev/null
  touch "$marker"
  say "sent $AMOUNT DOGE to $user at $address; credited after 6 confirmations"
done
