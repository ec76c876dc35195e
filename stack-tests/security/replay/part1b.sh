#!/bin/bash
source /tmp/sec-replay/replay.sh
set +e
M=sec-mallory-14870
ADDR=mnHioPj6vMDGiSUKsXWdX9GEPHoeapF8oi
TX=81f879b1dc6904b17939ac370f6daea1ccc38397db5e56277c96619c607ae945
B='{"txid":"'$TX'","vout":0,"address":"'$ADDR'","amount":"1000","blockHash":"'$(printf '0%.0s' {1..64})'","blockHeight":1}'
signas order-service $K/order-service.key POST $W/api/v1/wallet/internal/deposits "$B"
show "1e' the made-up deposit signed with a part the wallet knows but not on this endpoint (order-service)" -X POST -H 'Content-Type: application/json' "${H[@]}" -d "$B" $W/api/v1/wallet/internal/deposits
RPCPW=$(cat .dbay/secrets/dogecoin-rpc-password)
rpc() { curl -sS -u "dbay:$RPCPW" -H 'content-type: application/json' -d "{\"jsonrpc\":\"1.0\",\"id\":\"r\",\"method\":\"$1\",\"params\":$2}" $N/; }
RTX=$(rpc faucet "[\"$ADDR\",100]" | sed -E 's/.*"result":"([^"]+)".*/\1/')
echo "(faucet paid 100 DOGE to $ADDR in $RTX)"
rpc generate '[1]' >/dev/null
RAW=$(rpc getrawtransaction "[\"$RTX\",true]")
VOUT=$(echo "$RAW" | python3 -c 'import json,sys; r=json.load(sys.stdin)["result"]; print([o["n"] for o in r["vout"] if "'$ADDR'" in json.dumps(o)][0])')
BH=$(echo "$RAW" | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["blockhash"])')
HT=$(rpc getblockheader "[\"$BH\"]" | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["height"])')
B='{"txid":"'$RTX'","vout":'$VOUT',"address":"'$ADDR'","amount":"100","blockHash":"'$BH'","blockHeight":'$HT'}'
signas deposit-watcher $K/deposit-watcher.key POST $W/api/v1/wallet/internal/deposits "$B"
show "1g the real 100 DOGE output reported truthfully (deposit-watcher's key)" -X POST -H 'Content-Type: application/json' "${H[@]}" -d "$B" $W/api/v1/wallet/internal/deposits
NODE=$(rpc getrawtransaction "[\"$RTX\",true]" | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"].get("confirmations"))')
echo "(the node says $NODE confirmation(s))"
BIG='{"confirmations":6}'
signas deposit-watcher $K/deposit-watcher.key POST $W/api/v1/wallet/internal/deposits/$RTX/$VOUT/confirmations "$BIG"
show "1h 6 confirmations reported when the node says $NODE (deposit-watcher's key)" -X POST -H 'Content-Type: application/json' "${H[@]}" -d "$BIG" $W/api/v1/wallet/internal/deposits/$RTX/$VOUT/confirmations
mint "$(GP)" $M USER GET /api/v1/wallet/balance
show "1i the user's balance afterwards (100 pending, nothing available)" "${H[@]}" $W/api/v1/wallet/balance
