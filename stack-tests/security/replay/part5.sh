#!/bin/bash
source /tmp/sec-replay/replay.sh
set +e
login() { curl -sS -X POST -H 'Content-Type: application/json' -d '{"username":"'$1'","password":"demo-password-1"}' $G/api/v1/user/login; }
A=$(login alice); ALICE=$(echo "$A" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
ADMIN=$(login admin | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
AID=$(curl -sS -H "Authorization: Bearer $ALICE" $G/api/v1/user/users/me | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "(alice is $AID)"
show "5a admin suspends alice" -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d '{"reason":"sec replay"}' $G/api/v1/user/admin/users/$AID/suspend
sleep 1
B='{"address":"mnHioPj6vMDGiSUKsXWdX9GEPHoeapF8oi","amount":"1"}'
show "5b alice withdraws 1 DOGE with her unexpired access token, 1 s after suspension (gateway)" -X POST -H "Authorization: Bearer $ALICE" -H 'Content-Type: application/json' -H 'Idempotency-Key: w5b' -d "$B" $G/api/v1/wallet/withdrawals
mint "$(GP)" $AID USER POST /api/v1/wallet/withdrawals
show "5c same withdrawal straight to the wallet with a valid gateway proof (defence in depth)" -X POST "${H[@]}" -H 'Content-Type: application/json' -H 'Idempotency-Key: w5c' -d "$B" $W/api/v1/wallet/withdrawals
curl -sS -o /dev/null -X POST -H "Authorization: Bearer $ADMIN" $G/api/v1/user/admin/users/$AID/reinstate
C=$(login carol); CAROL=$(echo "$C" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'); CR=$(echo "$C" | python3 -c 'import json,sys; print(json.load(sys.stdin)["refreshToken"])')
show "5d carol logs out (with her refresh token)" -X POST -H "Authorization: Bearer $CAROL" -H 'Content-Type: application/json' -d '{"refreshToken":"'$CR'"}' $G/api/v1/user/logout
sleep 1
show "5e carol's access token 1 s after logout" -H "Authorization: Bearer $CAROL" $G/api/v1/wallet/balance
