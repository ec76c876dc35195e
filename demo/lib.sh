# shellcheck shell=bash
# Helpers for the demo-data scripts (source it: . "$(dirname "$0")/lib.sh").
#
# Every demo/NN-name.sh talks HTTP to the gateway like any client would, and must be idempotent:
# create only what is missing, so that running it twice changes nothing. ./dbay up runs the
# scripts in order after all services are healthy, once per data folder (again when a script
# changes). Output goes to .dbay/logs/demo.log.

set -euo pipefail

DBAY_URL=${DBAY_URL:-http://localhost:8000}
DEMO_PASSWORD=demo-password-1
DEMO_USERS=(alice bob carol admin)   # alice sells, bob and carol buy, admin has role ADMIN
DEMO_TOKEN=${DEMO_TOKEN:-}

command -v jq >/dev/null || { echo "demo scripts need jq (apt-get install -y jq)" >&2; exit 1; }

# api METHOD PATH [JSON] -> prints the response body; fails on any status outside 2xx.
# Set DEMO_TOKEN (see as_user) to act as a user and IDEMPOTENCY_KEY for money and bids.
api() {
  local code
  code=$(api_status "$@")
  if [ "${code:0:1}" != 2 ]; then
    echo "demo: $1 $2 answered $code: $(cat "$DEMO_BODY")" >&2
    return 1
  fi
  cat "$DEMO_BODY"
}

# api_status METHOD PATH [JSON] -> prints only the HTTP status; the body is in $DEMO_BODY.
# For "create unless it exists" steps: a 409 is as good as a 201.
DEMO_BODY=$(mktemp)
trap 'rm -f "$DEMO_BODY"' EXIT
api_status() {
  local method=$1 path=$2 body=${3:-}
  local args=(-sS -o "$DEMO_BODY" -w '%{http_code}' -X "$method" -H 'Accept: application/json')
  [ -n "$DEMO_TOKEN" ] && args+=(-H "Authorization: Bearer $DEMO_TOKEN")
  [ -n "${IDEMPOTENCY_KEY:-}" ] && args+=(-H "Idempotency-Key: $IDEMPOTENCY_KEY")
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data "$body")
  curl "${args[@]}" "$DBAY_URL$path"
}

# as_user NAME: log in as a demo user; later api calls act as that user.
as_user() {
  DEMO_TOKEN=
  DEMO_TOKEN=$(api POST /api/v1/user/login/ "$(jq -nc --arg u "$1" --arg p "$DEMO_PASSWORD" '{username: $u, password: $p}')" | jq -r .accessToken)
  [ -n "$DEMO_TOKEN" ] && [ "$DEMO_TOKEN" != null ] || { echo "demo: could not log in as $1" >&2; return 1; }
}

# as_nobody: drop the token (anonymous calls).
as_nobody() { DEMO_TOKEN=; }

say() { echo "demo[$(basename "$0")]: $*"; }
