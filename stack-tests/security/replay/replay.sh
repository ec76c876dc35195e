#!/bin/bash
# Replays issue #9's attacks against DBAY_PORT_OFFSET=1000 ./dbay up. Prints each command and its answer.
cd /work/wt/sec
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
CP=platform/core/target/classes
G=http://127.0.0.1:9000 L=http://127.0.0.1:9001 W=http://127.0.0.1:9003 U=http://127.0.0.1:9004 S=http://127.0.0.1:9011 R=http://127.0.0.1:9020 N=http://127.0.0.1:23555
K=.dbay/secrets/callers
COMMITTED=dbay-dev-gateway-secret-not-for-production-0123456789
show() { # <label> <curl args...>: prints the command and "status content-type body"
  local label=$1; shift
  echo "### $label"
  echo "\$ curl $(printf '%q ' "$@" | sed -E 's/(Signature:\\ |Bearer\\ )[A-Za-z0-9_.-]{20,}/\1…/g; s/a{200,}/aaa…(64 kB)/g')"
  local out; out=$(curl -sS -m 30 -o /tmp/sec-replay/body -w '%{http_code} %{content_type}' "$@" 2>&1)
  echo "→ $out  $(head -c 300 /tmp/sec-replay/body | tr '\n' ' ')"
  echo
}
mint() { mapfile -t H < <($J -cp $CP /tmp/sec-replay/Sign.java proof "$@"); }
signas() { mapfile -t H < <($J -cp $CP /tmp/sec-replay/Sign.java call "$@"); }
GP() { cat .dbay/secrets/gateway-secret; }
"$@"
