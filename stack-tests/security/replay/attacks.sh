#!/bin/bash
source /tmp/sec-replay/replay.sh
set +e
V=sec-victim-$RANDOM
echo "===== item 1: wallet internal API"
show "1a hold on anyone, no credentials (claims X-Caller-Service: auction-service)" -X PUT -H 'Content-Type: application/json' -H 'Idempotency-Key: k1' -H 'X-Caller-Service: auction-service' -d '{"amount":"5"}' $W/api/v1/wallet/internal/holds/$V/a1
show "1b escrow from a victim to a thief, no credentials" -X POST -H 'Content-Type: application/json' -H 'Idempotency-Key: k2' -d '{"orderId":"o-1","buyerId":"'$V'","sellerId":"thief","amount":"5"}' $W/api/v1/wallet/internal/escrows
B='{"amount":"5"}'; signas search-indexer $K/search-indexer.key PUT $W/api/v1/wallet/internal/holds/$V/a1 "$B"
show "1c hold signed with another part's real key (search-indexer)" -X PUT -H 'Content-Type: application/json' -H 'Idempotency-Key: k3' "${H[@]}" -d "$B" $W/api/v1/wallet/internal/holds/$V/a1
# a real user's deposit address (the victim asks for it through the install's own gateway proof)
M=sec-mallory-$RANDOM
mint "$(GP)" $M USER GET /api/v1/wallet/deposit-address
ADDR=$(curl -sS "${H[@]}" $W/api/v1/wallet/deposit-address | sed -E 's/.*"address":"([^"]+)".*/\1/')
echo "(deposit address of $M: $ADDR)"
TX=$(head -c 32 /dev/urandom | od -An -v -tx1 | tr -d ' \n')
B='{"txid":"'$TX'","vout":0,"address":"'$ADDR'","amount":"1000","blockHash":"'$(printf '0%.0s' {1..64})'","blockHeight":1}'
show "1d made-up 1,000 DOGE deposit, no credentials" -X POST -H 'Content-Type: application/json' -H 'X-Caller-Service: deposit-watcher' -d "$B" $W/api/v1/wallet/internal/deposits
signas deposit-watcher $K/deposit-watcher.key POST $W/api/v1/wallet/internal/deposits "$B"
show "1e made-up 1,000 DOGE deposit signed with the deposit-watcher's REAL key (compromised watcher)" -X POST -H 'Content-Type: application/json' "${H[@]}" -d "$B" $W/api/v1/wallet/internal/deposits
B6='{"confirmations":6}'
signas deposit-watcher $K/deposit-watcher.key POST $W/api/v1/wallet/internal/deposits/$TX/0/confirmations "$B6"
show "1f 6 confirmations for the made-up deposit (deposit-watcher's key)" -X POST -H 'Content-Type: application/json' "${H[@]}" -d "$B6" $W/api/v1/wallet/internal/deposits/$TX/0/confirmations
# a real deposit on the dev chain, then 6 confirmations reported while the node says fewer
RPCPW=$(cat .dbay/secrets/dogecoin-rpc-password)
rpc() { curl -sS -u "dbay:$RPCPW" -H 'content-type: application/json' -d "{\"jsonrpc\":\"1.0\",\"id\":\"r\",\"method\":\"$1\",\"params\":$2}" $N/; }
RTX=$(rpc faucet '["'$ADDR'", 100]' | sed -E 's/.*"result":"([^"]+)".*/\1/')
echo "(faucet paid 100 DOGE to $ADDR in $RTX)"
rpc generate '[1]' >/dev/null
RAW=$(rpc getrawtransaction '["'$RTX'", true]')
VOUT=$(echo "$RAW" | python3 -c 'import json,sys; r=json.load(sys.stdin)["result"]; print([o["n"] for o in r["vout"] if "'$ADDR'" in json.dumps(o)][0])')
BH=$(echo "$RAW" | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["blockhash"])')
HT=$(rpc getblockheader '["'$BH'"]' | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["height"])')
B='{"txid":"'$RTX'","vout":'$VOUT',"address":"'$ADDR'","amount":"100","blockHash":"'$BH'","blockHeight":'$HT'}'
signas deposit-watcher $K/deposit-watcher.key POST $W/api/v1/wallet/internal/deposits "$B"
show "1g the real 100 DOGE output reported (deposit-watcher's key; the runtime's watcher may have reported it already)" -X POST -H 'Content-Type: application/json' "${H[@]}" -d "$B" $W/api/v1/wallet/internal/deposits
NODE=$(rpc getrawtransaction '["'$RTX'", true]' | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"].get("confirmations"))')
echo "(the node says $NODE confirmation(s))"
BIG='{"confirmations":'$((NODE + 3))'}'
signas deposit-watcher $K/deposit-watcher.key POST $W/api/v1/wallet/internal/deposits/$RTX/$VOUT/confirmations "$BIG"
show "1h $((NODE + 3)) confirmations reported when the node says $NODE (deposit-watcher's key)" -X POST -H 'Content-Type: application/json' "${H[@]}" -d "$BIG" $W/api/v1/wallet/internal/deposits/$RTX/$VOUT/confirmations
mint "$(GP)" $M USER GET /api/v1/wallet/balance
show "1i the victim's balance afterwards (nothing credited)" "${H[@]}" $W/api/v1/wallet/balance

echo "===== item 2: a proof minted with the committed gateway secret"
mint $COMMITTED 1 USER,ADMIN GET /api/v1/wallet/balance
show "2a read a wallet" "${H[@]}" $W/api/v1/wallet/balance
mint $COMMITTED 1 USER,ADMIN GET /api/v1/user/admin/users
show "2b list all users as admin" "${H[@]}" $U/api/v1/user/admin/users
B='{"address":"mnHioPj6vMDGiSUKsXWdX9GEPHoeapF8oi","amount":"10"}'
mint $COMMITTED 1 USER POST /api/v1/wallet/withdrawals
show "2c withdraw as another user" -X POST -H 'Content-Type: application/json' -H 'Idempotency-Key: w1' "${H[@]}" -d "$B" $W/api/v1/wallet/withdrawals
show "2d X-User-Roles: ADMIN straight to the wallet's admin API (no proof)" -H 'X-User-ID: 1' -H 'X-User-Roles: ADMIN' -H 'X-Caller-Service: admin' "$W/api/v1/wallet/admin/withdrawals?status=STUCK"

echo "===== item 3: the runtime"
show "3a anonymous Invoke of blockchain-broadcaster" -X POST -d '{"action":"sign","withdrawalId":"1"}' $R/2015-03-31/functions/blockchain-broadcaster/invocations
show "3b anonymous Step Functions ListStateMachines" -X POST -H 'X-Amz-Target: AWSStepFunctions.ListStateMachines' -H 'Content-Type: application/x-amz-json-1.0' -d '{}' $R/

echo "===== item 4: login straight to user-service"
for i in 1 2 3 4 5 6 7 8; do
  show "4.$i wrong password for bob@demo.dbay at user-service" -X POST -H 'Content-Type: application/json' -d '{"username":"bob","password":"wrong-'$i'"}' $U/api/v1/user/login
done

echo "===== item 5: revocation"
tok() { curl -sS -X POST -H 'Content-Type: application/json' -d '{"username":"'$1'","password":"demo-password-1"}' $G/api/v1/user/login | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'; }
BOB=$(tok bob); ADMIN=$(tok admin); CAROL=$(tok carol)
BOBID=$(curl -sS -H "Authorization: Bearer $BOB" $G/api/v1/user/users/me | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "(bob is $BOBID; tokens from POST $G/api/v1/user/login)"
show "5a admin suspends bob" -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d '{"reason":"sec replay"}' $G/api/v1/user/admin/users/$BOBID/suspend
sleep 1
B='{"address":"mnHioPj6vMDGiSUKsXWdX9GEPHoeapF8oi","amount":"1"}'
show "5b bob withdraws 1 DOGE with his still-unexpired access token, 1 s after suspension (via the gateway)" -X POST -H "Authorization: Bearer $BOB" -H 'Content-Type: application/json' -H 'Idempotency-Key: w5b' -d "$B" $G/api/v1/wallet/withdrawals
mint "$(GP)" $BOBID USER POST /api/v1/wallet/withdrawals
show "5c same withdrawal straight to the wallet with a valid gateway proof (defence in depth)" -X POST "${H[@]}" -H 'Content-Type: application/json' -H 'Idempotency-Key: w5c' -d "$B" $W/api/v1/wallet/withdrawals
curl -sS -o /dev/null -X POST -H "Authorization: Bearer $ADMIN" $G/api/v1/user/admin/users/$BOBID/reinstate
show "5d carol logs out" -X POST -H "Authorization: Bearer $CAROL" -H 'Content-Type: application/json' -d '{}' $G/api/v1/user/logout
sleep 1
show "5e carol's access token after logout" -H "Authorization: Bearer $CAROL" $G/api/v1/wallet/balance

echo "===== smaller"
show "s1 /actuator/prometheus through the gateway" $G/actuator/prometheus
DAVE=$(tok dave)
show "s2 wrong JSON type (no Java type names in detail)" -X POST -H "Authorization: Bearer $DAVE" -H 'Content-Type: application/json' -H 'Idempotency-Key: s2' -d '{"address":{"x":1},"amount":"1"}' $G/api/v1/wallet/withdrawals
show "s3 user-service validation shape" -X PATCH -H "Authorization: Bearer $DAVE" -H 'Content-Type: application/json' -d '{"displayName":"   "}' $G/api/v1/user/users/me
show "s4 wallet validation shape" -X POST -H "Authorization: Bearer $DAVE" -H 'Content-Type: application/json' -H 'Idempotency-Key: s4' -d '{"address":"x","amount":"-1"}' $G/api/v1/wallet/withdrawals
show "s5 NUL byte in a profile field" -X PATCH -H "Authorization: Bearer $DAVE" -H 'Content-Type: application/json' -d '{"displayName":"da\u0000ve"}' $G/api/v1/user/users/me
show "s6 431: a 64 kB header" -H "X-Big: $(head -c 65536 /dev/zero | tr '\0' a)" $G/api/v1/listing/categories
show "s7 414: a 64 kB URL" "$G/api/v1/listing/categories?q=$(head -c 65536 /dev/zero | tr '\0' a)"
show "s8 %C0%AE path" "$G/api/v1/listing/%C0%AE%C0%AE/%C0%AE%C0%AE/etc/passwd"
show "s9 the dev node with the public dbay/dbay login" -u dbay:dbay -H 'content-type: application/json' -d '{"jsonrpc":"1.0","id":"x","method":"getblockcount","params":[]}' $N/

echo "===== item 2 (listing/search rows of this change)"
show "L1 listing internal feed, no credentials" $L/api/v1/listing/internal/listings
show "L2 listing internal feed, naming itself search-service (the old interim guard's header)" -H 'X-Caller-Service: search-service' $L/api/v1/listing/internal/listings
signas image-processor $K/image-processor.key GET $L/api/v1/listing/internal/listings
show "L3 listing internal feed signed as image-processor" "${H[@]}" $L/api/v1/listing/internal/listings
signas search-service $K/search-service.key GET "$L/api/v1/listing/internal/listings?limit=1"
show "L4 listing internal feed signed as search-service (allowed)" "${H[@]}" "$L/api/v1/listing/internal/listings?limit=1"
show "S1 search reindex, no credentials (old: X-Caller-Service: dbay-cli)" -X POST -H 'X-Caller-Service: dbay-cli' $S/api/v1/search/internal/reindex
signas search-indexer $K/search-indexer.key POST $S/api/v1/search/internal/reindex
show "S2 search reindex signed as search-indexer" -X POST "${H[@]}" $S/api/v1/search/internal/reindex
