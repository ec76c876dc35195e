#!/usr/bin/env bash
# Gateway overhead, measured in one run: GET /api/v1/user/users/me/ straight to user-service (with a
# valid gateway proof, i.e. the same work for the service) versus through the gateway (JWT check,
# rate limit in Redis, header strip + HMAC sign, proxy). Reports throughput at a fixed concurrency
# and latency percentiles at one connection, where "added latency" is not queueing.
#
# Needs: built jars (./mvnw -B -pl user-service,gateway -am package -DskipTests), wrk (apt-get
# install wrk), openssl, python3, and the stores in the DBAY_* variables (PostgreSQL database
# <prefix>user must exist; Redis for the gateway's rate limiter).
# Options (environment): DURATION (default 20s), WARMUP (10s), CONNECTIONS (32), THREADS (2).
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-30s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
SECRET="${DBAY_GATEWAY_SECRET:-bench-gateway-secret-0123456789abcdefghijklmnop}"
OUT="bench/gateway/results.md"
WORK=$(mktemp -d)

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'; }
USER_PORT=$(free_port); GATEWAY_PORT=$(free_port)
USER_URL="http://127.0.0.1:$USER_PORT"; GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT"

cleanup() {
  for pid in ${GATEWAY_PID:-} ${USER_PID:-}; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "starting user-service on $USER_PORT and the gateway on $GATEWAY_PORT ..."
DBAY_USER_PORT=$USER_PORT DBAY_GATEWAY_SECRET="$SECRET" DBAY_BCRYPT_COST=4 \
  "$JAVA" -Xmx512m -jar user-service/target/user-service-*[0-9T].jar > "$WORK/user.log" 2>&1 &
USER_PID=$!
DBAY_GATEWAY_PORT=$GATEWAY_PORT DBAY_USER_URL=$USER_URL DBAY_GATEWAY_SECRET="$SECRET" \
  DBAY_RATE_LIMIT_PER_MINUTE=60000000 DBAY_RATE_LIMIT_BURST=1000000 \
  "$JAVA" -Xmx512m -jar gateway/target/gateway-*[0-9T].jar > "$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!

wait_for() {
  for _ in $(seq 1 240); do
    if curl -sf -o /dev/null "$1"; then return 0; fi
    sleep 1
  done
  echo "timed out waiting for $1" >&2; tail -n 40 "$WORK"/*.log >&2; exit 1
}
wait_for "$USER_URL/api/v1/user/.well-known/jwks.json"
wait_for "$GATEWAY_URL/actuator/health"

NAME="bench$(date +%s)"
curl -sf -X POST "$GATEWAY_URL/api/v1/user/register" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$NAME@bench.dbay\",\"username\":\"$NAME\",\"password\":\"bench-password-42\"}" > "$WORK/user.json"
TOKEN=$(curl -sf -X POST "$GATEWAY_URL/api/v1/user/login/" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$NAME\",\"password\":\"bench-password-42\"}" | python3 -c 'import sys,json;print(json.load(sys.stdin)["accessToken"])')
USER_ID=$(python3 -c 'import sys,json;print(json.load(open(sys.argv[1]))["id"])' "$WORK/user.json")
ME=/api/v1/user/users/me/

# The gateway proof a direct call needs (GatewayProof: HMAC-SHA256 over the canonical lines), fresh
# for each run because it is only valid for 60 seconds. Written as a wrk script: wrk's -H drops
# headers written without a space after the colon, and these values must not be word-split.
proof_script() {
  local ts sig
  ts=$(date +%s)
  sig=$(printf 'v1\n%s\nGET\n%s\n%s\n\n%s\n%s@bench.dbay\nUSER' "$ts" "$ME" "$USER_ID" "$NAME" "$NAME" \
    | openssl dgst -sha256 -hmac "$SECRET" -binary | base64 -w0 | tr '+/' '-_' | tr -d '=')
  cat > "$WORK/proof.lua" <<LUA
wrk.headers["X-User-ID"] = "$USER_ID"
wrk.headers["X-Cognito-Username"] = "$NAME"
wrk.headers["X-Cognito-Email"] = "$NAME@bench.dbay"
wrk.headers["X-User-Roles"] = "USER"
wrk.headers["X-Gateway-Timestamp"] = "$ts"
wrk.headers["X-Gateway-Signature"] = "$sig"
LUA
  echo "$WORK/proof.lua"
}

check() { # both paths must really answer 200 for the same user before measuring
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$GATEWAY_URL$ME" -H "Authorization: Bearer $TOKEN")" = 200 ]
  proof_script > /dev/null
  [ "$(wrk -t1 -c1 -d1s -s "$WORK/proof.lua" "$USER_URL$ME" | grep -c 'Non-2xx')" = 0 ]
}
check || { echo "a path does not answer 200" >&2; exit 1; }

run() { # label url connections threads duration headers...
  local label=$1 url=$2 c=$3 t=$4 d=$5; shift 5
  wrk -t"$t" -c"$c" -d"$d" --latency "$@" "$url" > "$WORK/$label.txt"
  grep -q 'Non-2xx' "$WORK/$label.txt" && { echo "$label had non-2xx answers" >&2; cat "$WORK/$label.txt" >&2; exit 1; }
  true
}
direct() { run "$1" "$USER_URL$ME" "$2" "$3" "$4" -s "$(proof_script)"; }
gateway() { run "$1" "$GATEWAY_URL$ME" "$2" "$3" "$4" -H "Authorization: Bearer $TOKEN"; }

echo "warming up ..."
direct warm-direct "$CONNECTIONS" "$THREADS" "$WARMUP"
gateway warm-gateway "$CONNECTIONS" "$THREADS" "$WARMUP"
# Two rounds, alternating, so that a burst of other work on the machine does not land on one side only.
for round in 1 2; do
  echo "round $round: throughput ($CONNECTIONS connections, $DURATION each) ..."
  direct tp-direct-$round "$CONNECTIONS" "$THREADS" "$DURATION"
  gateway tp-gateway-$round "$CONNECTIONS" "$THREADS" "$DURATION"
  echo "round $round: latency (1 connection, $DURATION each) ..."
  direct lat-direct-$round 1 1 "$DURATION"
  gateway lat-gateway-$round 1 1 "$DURATION"
done

python3 - "$WORK" "$OUT" "$CONNECTIONS" "$DURATION" <<'PY'
import re, sys, os, datetime
work, out, conns, dur = sys.argv[1:5]
def parse(name):
    text = open(os.path.join(work, name + ".txt")).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    def pct(p):
        m = re.search(r"\s%s%%\s+([\d.]+)(us|ms|s)" % p, text)
        v, unit = float(m.group(1)), m.group(2)
        return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
    return rps, pct(50), pct(99)
def mean(kind):
    runs = [parse(f"{kind}-{r}") for r in (1, 2)]
    return tuple(sum(x[i] for x in runs) / len(runs) for i in range(3)), runs
(d_rps, d50, d99), d_runs = mean("tp-direct"); (g_rps, g50, g99), g_runs = mean("tp-gateway")
(ld_rps, ld50, ld99), ld_runs = mean("lat-direct"); (lg_rps, lg50, lg99), lg_runs = mean("lat-gateway")
load = os.getloadavg()
lines = [
  "# Gateway overhead: GET /api/v1/user/users/me/ direct vs through the gateway",
  "",
  f"Run {datetime.datetime.now(datetime.UTC).strftime('%Y-%m-%d %H:%M UTC')}, `bench/gateway/run.sh`, {os.cpu_count()} cores, "
  f"load average at the end {load[0]:.1f} (other work on the machine shares the cores).",
  "",
  f"| | direct (signed headers) | through the gateway | gateway / direct |",
  f"| --- | --- | --- | --- |",
  f"| throughput, {conns} connections | {d_rps:,.0f} req/s | {g_rps:,.0f} req/s | {g_rps / d_rps:.2f}x |",
  f"| p50 / p99 at {conns} connections | {d50:.2f} / {d99:.2f} ms | {g50:.2f} / {g99:.2f} ms | |",
  f"| p50 / p99 at 1 connection | {ld50:.2f} / {ld99:.2f} ms | {lg50:.2f} / {lg99:.2f} ms | +{lg50 - ld50:.2f} / +{lg99 - ld99:.2f} ms added |",
  "",
  "Figures are the mean of two alternating rounds; per round (direct -> gateway):",
  *[f"- round {r + 1}: {d_runs[r][0]:,.0f} -> {g_runs[r][0]:,.0f} req/s ({g_runs[r][0] / d_runs[r][0]:.2f}x); "
    f"1-connection p50 {ld_runs[r][1]:.2f} -> {lg_runs[r][1]:.2f} ms" for r in (0, 1)],
  "",
  f"Goal: >= 0.35x the direct throughput ({'met' if g_rps / d_rps >= 0.35 else 'NOT met'}), "
  f"<= 2 ms added at p50 ({'met' if lg50 - ld50 <= 2 else 'NOT met'}).",
]
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
