#!/usr/bin/env python3
"""Auction closing against a running stack (./dbay up), end to end, and its timing.

Short auctions run to their end through the real parts: bids through the gateway (wallet holds),
auction-closer on its schedule, AuctionEnded on the bus, AuctionCloseWorkflow in the serverless
runtime, order-service, wallet escrow. Checks: exactly one order, escrow funded at the final price
from the winner's hold (the rest back to available), the other bidder's hold released, a bid after
the end refused. Reports auction end -> order created (goal <= 5 s).

--crash: the same, while order-service is down at the end (CreateOrder retries) and the serverless
runtime is killed (-9) mid-workflow, then both come back: still one order and one escrow.

The auction row is written straight into auction-service's database (the listing path is another
team's); everything after it goes through the services. Env: DBAY_PORT_OFFSET (as for ./dbay),
DBAY_ROOT. Needs psql.
"""
import json, os, subprocess, sys, time, uuid, urllib.request, urllib.error
from datetime import datetime, timezone, timedelta

OFF = int(os.environ.get("DBAY_PORT_OFFSET", "0"))
ROOT = os.environ.get("DBAY_ROOT", os.getcwd())
GW = f"http://localhost:{8000 + OFF}"
PG = ["psql", "-h", "127.0.0.1", "-p", str(15432 + OFF), "-U", "dbay", "-tA", "-v", "ON_ERROR_STOP=1"]
PASSWORD = "auction-close-pw-1"


def http(method, path, token=None, body=None, key=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(GW + path, data=data, method=method)
    req.add_header("Accept", "application/json")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    if key:
        req.add_header("Idempotency-Key", key)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            text = r.read().decode()
            return r.status, (json.loads(text) if text else {})
    except urllib.error.HTTPError as e:
        text = e.read().decode()
        try:
            return e.code, json.loads(text)
        except ValueError:
            return e.code, {"raw": text}


def sql(db, query):
    out = subprocess.run(PG + ["-d", "dbay_" + db, "-c", query], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"psql {db}: {out.stderr}")
    return out.stdout.strip()


def user(name):
    username = f"{name}{uuid.uuid4().hex[:6]}"
    s, b = http("POST", "/api/v1/user/register", body={"email": f"{username}@close.dbay", "username": username, "password": PASSWORD})
    assert s in (200, 201), (s, b)
    s, b = http("POST", "/api/v1/user/login/", body={"username": username, "password": PASSWORD})
    assert s == 200, (s, b)
    token = b["accessToken"]
    s, me = http("GET", "/api/v1/user/users/me/", token)
    return {"name": username, "token": token, "id": me["id"]}


def balance(u):
    s, b = http("GET", "/api/v1/wallet/balance", u["token"])
    assert s == 200, (s, b)
    return {k: float(b[k]) for k in ("available", "held", "escrow")}


def fund(users, amount="100"):
    for u in users:
        s, b = http("POST", "/api/v1/wallet/dev/faucet", u["token"], {"amount": amount})
        assert s in (200, 201, 202), (s, b)
    deadline = time.time() + 240
    while time.time() < deadline:
        if all(balance(u)["available"] >= float(amount) for u in users):
            return
        time.sleep(2)
    sys.exit("faucet deposits not credited in 240 s")


def open_auction(seller, seconds):
    lid = "close-" + uuid.uuid4().hex[:12]
    sql("auction", f"""INSERT INTO auctions (listing_id, seller_id, start_price, starts_at, original_ends_at, ends_at, status, current_price)
        VALUES ('{lid}', '{seller["id"]}', 100000000, now() - interval '1 minute', now() + interval '{seconds} seconds',
        now() + interval '{seconds} seconds', 'ACTIVE', 100000000)""")
    return lid


def bid(u, lid, amount):
    return http("POST", f"/api/v1/auction/auctions/{lid}/bids", u["token"], {"maxBid": amount}, str(uuid.uuid4()))


def ends_at(lid):
    return datetime.fromisoformat(sql("auction", f"SELECT to_char(ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US') FROM auctions WHERE listing_id = '{lid}'")).replace(tzinfo=timezone.utc)


def wait_order(buyer, lid, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        s, b = http("GET", "/api/v1/order/orders?role=buyer", buyer["token"])
        if s == 200:
            for o in b["items"]:
                if o["listingId"] == lid:
                    return o
        time.sleep(0.1)
    return None


def dbay(*args):
    env = dict(os.environ, DBAY_PORT_OFFSET=str(OFF))
    subprocess.run([os.path.join(ROOT, "dbay"), *args], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)


def scenario(crash):
    alice, bob, carol = user("alice"), user("bob"), user("carol")
    fund([bob, carol])
    before = {n: balance(u) for n, u in (("bob", bob), ("carol", carol))}
    lid = open_auction(alice, 25)
    s, b = bid(bob, lid, "10"); assert s == 201, (s, b)
    s, b = bid(carol, lid, "20"); assert s == 201, (s, b)
    assert balance(carol)["held"] - before["carol"]["held"] == 20.0, balance(carol)
    end = ends_at(lid)
    runtime_pid = None
    if crash:
        dbay("stop", "order-service")
    while datetime.now(timezone.utc) < end + timedelta(milliseconds=200):
        time.sleep(0.1)
    s, b = bid(bob, lid, "50")
    print(f"  bid after the end: {s} {b.get('reason', b.get('detail', ''))}")
    assert s == 409, (s, b)
    if crash:
        # Wait for the workflow to be in CreateOrder's retries, then kill -9 the runtime.
        time.sleep(6)
        with open(os.path.join(ROOT, ".dbay", "pids", "serverless-runtime.pid")) as f:
            runtime_pid = int(f.read().split()[0])
        os.kill(runtime_pid, 9)
        print(f"  killed serverless-runtime (pid {runtime_pid}) with order-service down")
        time.sleep(1)
        dbay("up", "order-service", "serverless-runtime")
        print("  order-service and serverless-runtime started again")
    order = wait_order(carol, lid, 240 if crash else 60)
    assert order, "no order"
    created = datetime.fromisoformat(order["createdAt"].replace("Z", "+00:00"))
    latency = (created - end).total_seconds()
    time.sleep(2)  # the escrow step follows the order
    orders = sql("order", f"SELECT count(*) FROM orders WHERE listing_id = '{lid}'")
    escrows = sql("wallet", f"SELECT count(*) || ' ' || coalesce(max(amount), 0) FROM escrows WHERE order_id = '{order['orderId']}'")
    holds = sql("wallet", f"SELECT string_agg(owner || ':' || amount || ':' || status, ',' ORDER BY owner) FROM holds WHERE reference = 'auction-{lid}'")
    c, bb = balance(carol), balance(bob)
    print(f"  order {order['orderId']} {order['status']} price {order['price']}; orders for the auction: {orders}; escrows (count, koinu): {escrows}")
    print(f"  holds: {holds}")
    print(f"  carol: available {c['available']} held {c['held']} escrow {c['escrow']} (before: {before['carol']}); bob: held {bb['held']} available {bb['available']}")
    assert orders == "1", orders
    assert escrows == "1 1100000000", escrows
    assert c["escrow"] - before["carol"]["escrow"] == 11.0 and c["held"] == before["carol"]["held"], c
    assert abs(c["available"] - (before["carol"]["available"] - 11.0)) < 1e-9, c
    assert bb["held"] == before["bob"]["held"] and bb["available"] == before["bob"]["available"], bb
    s, _ = http("GET", f"/api/v1/order/orders/{order['orderId']}", bob["token"]); assert s == 404, s
    s, _ = http("GET", f"/api/v1/order/orders/{order['orderId']}", alice["token"]); assert s == 200, s
    return latency


def main():
    crash = "--crash" in sys.argv
    runs = 1 if crash else int(os.environ.get("RUNS", "3"))
    figures = []
    for i in range(runs):
        print(f"run {i + 1}{' (crash and resume)' if crash else ''}:")
        latency = scenario(crash)
        figures.append(latency)
        print(f"  auction end -> order created: {latency:.2f} s")
    print(f"end -> order created over {len(figures)} run(s): min {min(figures):.2f} s, max {max(figures):.2f} s (goal <= 5 s{'; crash run includes the restart' if crash else ''})")


if __name__ == "__main__":
    main()
