#!/usr/bin/env bash
# Demo data for the wallet: each demo user starts with 10,000 DOGE, sent to their deposit address
# on the local Dogecoin chain and credited by the wallet's deposit watcher after 6 confirmations
# (about 30 s at the dev node's 5 s blocks). Idempotent: a user who already has money, or was
# already funded by an earlier run (marker under .dbay/demo/), is skipped.
set -euo pipefail

BASE="${DBAY_URL:-http://localhost:8000}"
RPC="${DBAY_DOGE_RPC_URL:-http://127.0.0.1:${DBAY_DOGE_RPC_PORT:-22555}/}"
RPC_AUTH="${DBAY_DOGE_RPC_USER:-dbay}:${DBAY_DOGE_RPC_PASSWORD:-dbay}"
PASSWORD="demo-password-1"
AMOUNT="10000"
MARKERS="${DBAY_ROOT:-.}/.dbay/demo"
mkdir -p "$MARKERS"

json_field() { # json_field <name> : the first string value of "name" in the JSON on stdin
  grep -o "\"$1\"[[:space:]]*:[[:space:]]*\"[^\"]*\"" | head -n1 | sed 's/.*:[[:space:]]*"\(.*\)"/\1/'
}

for user in alice bob carol admin; do
  marker="$MARKERS/wallet-funded-$user"
  if [[ -f "$marker" ]]; then
    echo "wallet: $user already funded"
    continue
  fi
  token=$(curl -fsS -X POST "$BASE/api/v1/user/login/" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"$PASSWORD\"}" | json_field accessToken)
  if [[ -z "$token" ]]; then
    echo "wallet: could not log in as $user" >&2
    exit 1
  fi
  balance=$(curl -fsS "$BASE/api/v1/wallet/balance" -H "Authorization: Bearer $token")
  if [[ "$(echo "$balance" | json_field available)" != "0.00000000" || "$(echo "$balance" | json_field held)" != "0.00000000" \
        || "$(echo "$balance" | json_field escrow)" != "0.00000000" ]]; then
    echo "wallet: $user already has money"
    touch "$marker"
    continue
  fi
  address=$(curl -fsS "$BASE/api/v1/wallet/deposit-address" -H "Authorization: Bearer $token" | json_field address)
  txid=$(curl -fsS -u "$RPC_AUTH" -H 'Content-Type: application/json' \
    --data "{\"jsonrpc\":\"1.0\",\"id\":\"demo\",\"method\":\"faucet\",\"params\":[\"$address\",\"$AMOUNT\"]}" "$RPC" | json_field result)
  if [[ -z "$txid" ]]; then
    echo "wallet: the dev chain refused the faucet for $user ($address)" >&2
    exit 1
  fi
  touch "$marker"
  echo "wallet: sent $AMOUNT DOGE to $user at $address (tx $txid); credited after 6 confirmations"
done
