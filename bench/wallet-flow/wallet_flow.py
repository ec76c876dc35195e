"""Deposit credit latency and a withdrawal, against the running stack (see run). Standard library only."""
import base64
import json
import os
import statistics
import sys
import time
import urllib.error
import urllib.request
import uuid

GATEWAY = os.environ.get("DBAY_URL", "http://localhost:8000")
RPC = os.environ.get("DBAY_DOGE_RPC_URL", "http://127.0.0.1:22555/")



def _rpc_password():
    # The password ./dbay up generated for this install, unless one is given.
    if os.environ.get("DBAY_DOGE_RPC_PASSWORD"):
        return os.environ["DBAY_DOGE_RPC_PASSWORD"]
    state = os.environ.get("DBAY_STATE_DIR", os.path.join(os.environ.get("DBAY_ROOT", "."), ".dbay"))
    with open(os.path.join(state, "secrets", "dogecoin-rpc-password")) as f:
        return f.read().strip()


RPC_AUTH = base64.b64encode(f"{os.environ.get('DBAY_DOGE_RPC_USER', 'dbay')}:{_rpc_password()}".encode()).decode()
DEPOSITS = int(os.environ.get("DEPOSITS", "6"))
# One amount per confirmation tier (DESIGN.md §4: <1,000 DOGE: 6; <100,000: 20), cycled.
AMOUNTS = ["10", "250", "1000"]
POLL = 0.25
# An address outside the wallet on the dev chain (regtest P2PKH).
WITHDRAW_TO = os.environ.get("WITHDRAW_TO", "mnHioPj6vMDGiSUKsXWdX9GEPHoeapF8oi")


def http(method, url, body=None, token=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Accept", "application/json")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def rpc(method, *params):
    req = urllib.request.Request(RPC, data=json.dumps({"jsonrpc": "1.0", "id": "bench", "method": method, "params": list(params)}).encode(),
                                 method="POST")
    req.add_header("Content-Type", "application/json")
    req.add_header("Authorization", "Basic " + RPC_AUTH)
    with urllib.request.urlopen(req, timeout=10) as r:
        reply = json.loads(r.read())
    if reply.get("error"):
        raise RuntimeError(f"{method}: {reply['error']}")
    return reply["result"]


def main():
    try:
        rpc("getblockcount")
        status, _ = http("GET", GATEWAY + "/actuator/health")
    except Exception as e:  # noqa: BLE001 - any failure here means the stack is not up
        sys.exit(f"bench deposits needs the running stack (./dbay up): {e}")
    name = "bench-dep-" + uuid.uuid4().hex[:8]
    status, body = http("POST", GATEWAY + "/api/v1/user/register",
                        {"email": name + "@bench.dbay", "username": name, "password": "bench-password-1"})
    if status != 201:
        sys.exit(f"register answered {status}: {body}")
    status, body = http("POST", GATEWAY + "/api/v1/user/login/", {"username": name, "password": "bench-password-1"})
    token = body["accessToken"]
    address = http("GET", GATEWAY + "/api/v1/wallet/deposit-address", token=token)[1]["address"]

    # Block interval of the dev chain, measured rather than assumed.
    h0, t0 = rpc("getblockcount"), time.time()
    while rpc("getblockcount") == h0:
        time.sleep(0.05)
    h1, t1 = rpc("getblockcount"), time.time()
    while rpc("getblockcount") == h1:
        time.sleep(0.05)
    block_seconds = time.time() - t1
    print(f"deposit credit latency: user {name}, {DEPOSITS} deposits to {address}, dev chain block every {block_seconds:.1f} s")

    pending = {}
    for i in range(DEPOSITS):
        amount = AMOUNTS[i % len(AMOUNTS)]
        reply = rpc("faucet", address, amount, False)
        txid = reply["txid"] if isinstance(reply, dict) else reply
        pending[txid] = {"amount": amount, "reached": None, "credited": None, "required": None}
        time.sleep(0.3)

    deadline = time.time() + 60 * block_seconds + 120
    while any(d["credited"] is None for d in pending.values()) and time.time() < deadline:
        now = time.time()
        for txid, d in pending.items():
            if d["reached"] is None and d["required"] is not None:
                tx = rpc("getrawtransaction", txid, 1)
                if tx.get("confirmations", 0) >= d["required"]:
                    d["reached"] = now
        status, body = http("GET", GATEWAY + "/api/v1/wallet/deposits?limit=100", token=token)
        if status == 200:
            for item in body["items"]:
                d = pending.get(item["txid"])
                if d is None:
                    continue
                d["required"] = item["requiredConfirmations"]
                if item["status"] == "CREDITED" and d["credited"] is None:
                    d["credited"] = now
        time.sleep(POLL)

    lags = []
    for txid, d in pending.items():
        if d["credited"] is None or d["reached"] is None:
            print(f"  {txid[:16]}… {d['amount']:>6} DOGE: NOT credited in time (required {d['required']})")
            continue
        lag = d["credited"] - d["reached"]
        lags.append(lag)
        print(f"  {txid[:16]}… {d['amount']:>6} DOGE, {d['required']} confirmations: credited {lag:+.2f} s after reaching them "
              f"({lag / block_seconds:+.2f} blocks)")
    if len(lags) != len(pending):
        print(f"RESULT deposits {len(lags)}/{len(pending)} credited | FAILED")
        sys.exit(1)
    worst = max(lags)
    ok = worst <= block_seconds
    # Precision: the node and the wallet are polled every 0.25 s, so each lag is ± 0.25 s.
    deposit_result = (f"deposit credit lag p50 {statistics.median(lags):.2f} s, max {worst:.2f} s = {worst / block_seconds:.2f} block "
                      f"intervals (goal ≤ 1 of {block_seconds:.1f} s): {'met' if ok else 'NOT met'}")
    print(deposit_result)

    balance = http("GET", GATEWAY + "/api/v1/wallet/balance", token=token)[1]
    print(f"balance after the deposits: {balance}")
    req = urllib.request.Request(GATEWAY + "/api/v1/wallet/withdrawals", method="POST",
                                 data=json.dumps({"address": WITHDRAW_TO, "amount": "100"}).encode())
    for k, v in {"Content-Type": "application/json", "Accept": "application/json", "Authorization": "Bearer " + token,
                 "Idempotency-Key": str(uuid.uuid4())}.items():
        req.add_header(k, v)
    started = time.time()
    with urllib.request.urlopen(req, timeout=10) as r:
        withdrawal = json.loads(r.read())
    print(f"withdrawal {withdrawal['id']}: 100 DOGE to {WITHDRAW_TO}, {withdrawal['status']}")
    seen = [withdrawal["status"]]
    while withdrawal["status"] not in ("COMPLETED", "REJECTED", "FAILED") and time.time() < started + 40 * block_seconds + 60:
        time.sleep(POLL * 2)
        withdrawal = http("GET", GATEWAY + "/api/v1/wallet/withdrawals/" + withdrawal["id"], token=token)[1]
        if withdrawal["status"] != seen[-1]:
            seen.append(withdrawal["status"])
            print(f"  +{time.time() - started:5.1f} s {withdrawal['status']}" + (f" txid {withdrawal['txid']}" if withdrawal.get("txid") else ""))
    took = time.time() - started
    confirmations = rpc("getrawtransaction", withdrawal["txid"], 1).get("confirmations", 0) if withdrawal.get("txid") else 0
    completed = withdrawal["status"] == "COMPLETED"
    print(f"withdrawal {' → '.join(seen)} in {took:.1f} s; network fee {withdrawal.get('networkFee')} DOGE; "
          f"the node counts {confirmations} confirmations")
    print("statement (newest first):")
    for item in http("GET", GATEWAY + "/api/v1/wallet/statement?limit=20", token=token)[1]["items"]:
        print(f"  {item['type']:<22} {item['account']:<10} {item['amount']:>16} → {item['balanceAfter']:>16}  {item['reference']}")
    print(f"RESULT {deposit_result} | withdrawal {'COMPLETED' if completed else 'NOT completed'} in {took:.1f} s")
    if not ok or not completed:
        sys.exit(1)


if __name__ == "__main__":
    main()
