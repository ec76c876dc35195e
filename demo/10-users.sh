#!/usr/bin/env bash
# Demo users: alice (seller), bob and carol (buyers), admin (ADMIN through dbay.user.bootstrap-admins).
# Idempotent: a user that already exists (409) is left as it is; every user must then be able to log in.
set -euo pipefail

BASE="${DBAY_URL:-http://localhost:8000}"
PASSWORD="demo-password-1"

# POST with JSON; waits out the gateway's rate limit on credential endpoints (429 + Retry-After).
post() {
  local path="$1" body="$2" out="$3" attempt status headers
  headers=$(mktemp)
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    status=$(curl -s -D "$headers" -o "$out" -w '%{http_code}' -X POST "$BASE$path" -H 'Content-Type: application/json' -d "$body")
    if [ "$status" != "429" ]; then break; fi
    sleep "$(awk 'tolower($1)=="retry-after:"{print $2+0}' "$headers" | head -n1)"
  done
  rm -f "$headers"
  echo "$status"
}

register() {
  local name="$1" display="$2"
  local status
  status=$(post /api/v1/user/register \
    "{\"email\":\"$name@demo.dbay\",\"username\":\"$name\",\"password\":\"$PASSWORD\",\"displayName\":\"$display\"}" \
    /tmp/dbay-demo-register.$$)
  case "$status" in
    201) echo "registered $name" ;;
    409) echo "$name already exists" ;;
    *) echo "registering $name failed with $status: $(cat /tmp/dbay-demo-register.$$)" >&2; rm -f /tmp/dbay-demo-register.$$; exit 1 ;;
  esac
  rm -f /tmp/dbay-demo-register.$$
}

check_login() {
  local name="$1"
  local status
  status=$(post /api/v1/user/login/ "{\"username\":\"$name\",\"password\":\"$PASSWORD\"}" /dev/null)
  if [ "$status" != "200" ]; then
    echo "$name cannot log in ($status)" >&2
    exit 1
  fi
}

register alice "Alice (seller)"
register bob "Bob"
register carol "Carol"
register admin "DBay admin"
for name in alice bob carol admin; do check_login "$name"; done
echo "demo users ready: alice, bob, carol, admin / $PASSWORD"
