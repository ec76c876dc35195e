#!/bin/sh
# docker compose's `caller-keys` step: the per-install service-call keys of ./dbay up, for containers.
# One HMAC key per calling part of the endpoint table (platform/core dbay/internal-endpoints.tsv) plus the
# operator, generated once into /keys/callers/ (kept across restarts), then per part what it may hold:
#   /keys/parts/<part>/trusted-callers.properties   keys of the callers it accepts (DBAY_TRUSTED_CALLERS_FILE)
#   /keys/parts/<part>/service-keys.properties      its own key when it calls another part (DBAY_SERVICE_KEYS_FILE)
# Each service mounts only its own parts/<part> folder. Keys given in the environment (DBAY_CALLER_KEY_<CALLER>,
# base64 of 32+ bytes) are used instead of generated ones.
set -eu
table=${1:-/table/internal-endpoints.tsv}
d=${2:-/keys}
uid=${DBAY_APP_UID:-10001}
umask 077
mkdir -p "$d/callers"
callers=$(awk -F'\t' '!/^#/ && NF == 4 {n = split($4, c, ","); for (i = 1; i <= n; i++) print c[i]}' "$table" | sort -u)
callers=$(printf '%s\noperator\n' "$callers" | sort -u)
# Functions run inside the serverless runtime, which holds their keys; the operator's stays in callers/.
host() {
  case $1 in
    deposit-watcher|blockchain-broadcaster|auction-settlement|search-indexer|image-processor) echo serverless-runtime ;;
    operator) echo operator ;;
    *) echo "$1" ;;
  esac
}
for c in $callers; do
  var=DBAY_CALLER_KEY_$(echo "$c" | tr 'a-z-' 'A-Z_')
  given=$(printenv "$var" || true)
  if [ -n "$given" ]; then
    printf '%s\n' "$given" >"$d/callers/$c.key"
  elif [ ! -s "$d/callers/$c.key" ]; then
    head -c 32 /dev/urandom | base64 | tr -d '\n' >"$d/callers/$c.key"
  fi
done
# Files are rewritten in place, never the folders removed: each service bind-mounts its own folder.
parts=$( (awk -F'\t' '!/^#/ && NF == 4 {print $1}' "$table"; for c in $callers; do host "$c"; done) | grep -vx operator | sort -u)
for p in $parts; do
  mkdir -p "$d/parts/$p"
  : >"$d/parts/$p/service-keys.properties"
  awk -F'\t' -v p="$p" '!/^#/ && NF == 4 && $1 == p {n = split($4, c, ","); for (i = 1; i <= n; i++) print c[i]}' "$table" |
    sort -u | while read -r c; do echo "$c=$(cat "$d/callers/$c.key")"; done >"$d/parts/$p/trusted-callers.properties"
done
for c in $callers; do
  h=$(host "$c")
  [ "$h" = operator ] && continue
  echo "$c=$(cat "$d/callers/$c.key")" >>"$d/parts/$h/service-keys.properties"
done
# Every service image runs as uid 10001: it reads its own folder, nobody else's.
chown -R "$uid" "$d/parts"
find "$d/parts" -type d -exec chmod 0500 {} +
find "$d/parts" -type f -exec chmod 0400 {} +
echo "caller keys ready: $(echo $callers | wc -w) callers; parts: $(ls "$d/parts" | tr '\n' ' ')"
