#!/usr/bin/env python3
"""Client side of deploy/compose/system-test.sh, through the gateway only (standard library only):

  drive.py flow  --gateway URL --room S           a purchase: login, waiting room, charge, hold, pay, saga settles
  drive.py load  --gateway URL --room S --seconds N --out FILE [--threads T] [--stop FILE]
                                                  a steady bounded load on concert-service and reservation-service
  drive.py errors FILE --since T0 [--until T1]    error counts of a load file in a time range (JSON)

Login is the authorization-code + PKCE flow of deploy/local/login.sh. The waiting room is the room of schedule S
(docs/contracts.md "Waiting rooms": the token names its room, {"roomId": S}); hold and pay are on schedule S."""
import argparse
import collections
import json
import os
import random
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PASSWORD = "ticketing-demo"


class Session:
    def __init__(self, gateway, user):
        self.gateway, self.user = gateway, user
        env = dict(os.environ, GATEWAY_URL=gateway)
        r = subprocess.run(["bash", os.path.join(ROOT, "deploy/local/login.sh"), user, PASSWORD], env=env,
                           capture_output=True, text=True, timeout=60)
        if r.returncode != 0:
            raise AssertionError(f"login of {user} failed: {r.stderr.strip()[-300:]}")
        self.access = r.stdout.strip()
        self.queue_token = None

    def call(self, method, path, body=None, timeout=15):
        headers = {"Authorization": f"Bearer {self.access}", "Accept": "application/json"}
        if self.queue_token:
            headers["X-Queue-Token"] = self.queue_token
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        req = urllib.request.Request(self.gateway + path, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return r.status, json.loads(r.read() or b"null")
        except urllib.error.HTTPError as e:
            raw = e.read()
            try:
                return e.code, json.loads(raw or b"null")
            except ValueError:
                return e.code, {"raw": raw[:200].decode(errors="replace")}

    def admitted(self, room, limit=90):
        """Waits in the room of schedule `room` until admitted (PROGRESS)."""
        status, body = self.call("POST", "/v1/api/queue/token", {"roomId": room})
        expect(status == 200, f"token issue for room {room}: {status} {body}")
        self.queue_token = body["data"]["queueToken"]
        deadline = time.time() + limit
        while time.time() < deadline:
            status, body = self.call("POST", "/v1/api/queue/token/check")
            if status == 200 and body["data"]["status"] == "PROGRESS":
                return self
            time.sleep(max(0.5, min(5.0, ((body or {}).get("data") or {}).get("pollAfterMs", 1000) / 1000)))
        raise AssertionError(f"{self.user} not admitted to room {room} within {limit} s")

    def hold_any_seat(self, room):
        status, body = self.call("GET", f"/v1/api/concerts/seat?scheduleId={room}")
        expect(status == 200, f"seat list of schedule {room}: {status} {body}")
        seats = [s for s in body["data"] if s["status"] == "AVAILABLE"]
        random.shuffle(seats)
        for seat in seats[:10]:
            status, held = self.call("POST", "/v1/api/concerts/reserve", {"scheduleId": room, "seatId": seat["seatId"]})
            if status == 200:
                expect(held["data"]["status"] == "HELD", f"reserve answered {held}")
                return held["data"]
            expect(status == 409, f"reserve answered {status} {held}")
        raise AssertionError(f"no seat of schedule {room} could be held")


def expect(ok, what):
    if not ok:
        raise AssertionError(what)


def await_(what, limit, fn):
    deadline = time.time() + limit
    while time.time() < deadline:
        value = fn()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out after {limit} s waiting for: {what}")


def flow(a):
    t0 = time.time()
    user = f"user{random.randint(1000, 99000)}"
    s = Session(a.gateway, user).admitted(a.room)
    step = lambda m: print(f"  {time.time() - t0:6.1f} s  {m}", flush=True)
    step(f"{user} logged in (authorization code + PKCE) and admitted to room {a.room}")
    hold = s.hold_any_seat(a.room)
    step(f"held seat {hold['seatId']} of schedule {a.room}: reservation {hold['reservationId']}, price {hold['price']}")
    status, body = s.call("POST", "/v1/api/user/amount", {"amount": hold["price"]})
    expect(status == 200, f"charge: {status} {body}")
    before = body["data"]["balance"]
    step(f"charged {hold['price']}: balance {before}")
    status, body = s.call("POST", "/v1/api/concerts/payment", {"reservationId": hold["reservationId"]}, timeout=30)
    expect(status == 200 and body["data"]["status"] == "COMPLETED", f"payment: {status} {body}")
    step(f"paid: payment {body['data']['paymentId']} COMPLETED, balance {body['data']['balance']}")
    expect(body["data"]["balance"] == before - hold["price"], f"balance after payment {body['data']['balance']}")

    def confirmed():
        st, r = s.call("GET", f"/v1/api/concerts/reservations/{hold['reservationId']}")
        return st == 200 and r["data"]["status"] == "CONFIRMED"
    await_("the reservation CONFIRMED (saga over Kafka)", 60, confirmed)
    step("saga settled: reservation CONFIRMED")
    # The seat view is concert-service's, fed by reservation events; reading it needs an admitted token again
    # (the payment freed the user's slot).
    viewer = Session(a.gateway, f"user{random.randint(1000, 99000)}").admitted(a.room)

    def sold():
        st, r = viewer.call("GET", f"/v1/api/concerts/seat?scheduleId={a.room}")
        return st == 200 and any(x["seatId"] == hold["seatId"] and x["status"] == "SOLD" for x in r["data"])
    await_("the seat SOLD in concert-service's view", 60, sold)
    step(f"seat {hold['seatId']} SOLD in the seat view")
    print(json.dumps({"flow_seconds": round(time.time() - t0, 1), "reservationId": hold["reservationId"]}))


def load(a):
    """Threads alternate GET /concerts/schedule (concert-service) and GET /concerts/reservations/{id}
    (reservation-service) at a fixed pace, recording every answer as [t, route, status] (status 0: no answer)."""
    s = Session(a.gateway, f"user{random.randint(1000, 99000)}").admitted(a.room)
    hold = s.hold_any_seat(a.room)
    samples, lock = [], threading.Lock()
    end = time.time() + a.seconds
    pace = a.threads / a.rate  # seconds between one thread's requests

    def worker(i):
        nxt = time.time() + random.random() * pace
        n = i
        while time.time() < end and not (a.stop and os.path.exists(a.stop)):
            n += 1
            path, route = (("/v1/api/concerts/schedule", "concert") if n % 2 else
                           (f"/v1/api/concerts/reservations/{hold['reservationId']}", "reservation"))
            t = time.time()
            code = None
            try:
                status, body = s.call("GET", path, timeout=10)
                if status != 200 and isinstance(body, dict):
                    # the error's code says who refused: the gateway's admission check, a fallback, the service
                    err = body.get("error") if isinstance(body.get("error"), dict) else body
                    code = f"{err.get('code')}: {str(err.get('message'))[:70]}"
            except Exception as e:
                status, code = 0, type(e).__name__
            with lock:
                samples.append([round(t, 3), route, status, round(time.time() - t, 3), code])
            nxt += pace
            time.sleep(max(0.0, nxt - time.time()))

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(a.threads)]
    for t in threads:
        t.start()
    print(f"load: {a.threads} threads, {a.rate} req/s for up to {a.seconds} s as {s.user}", flush=True)
    for t in threads:
        t.join(a.seconds + 30)
    with open(a.out, "w") as f:
        json.dump(samples, f)


def errors(a):
    samples = json.load(open(a.file))
    rows = [x for x in samples if x[0] >= a.since and (a.until is None or x[0] < a.until)]
    bad = [x for x in rows if x[2] == 0 or x[2] >= 500]
    out = {"requests": len(rows), "errors": len(bad), "by_status": {},
           "first_error": min((x[0] for x in bad), default=None), "last_error": max((x[0] for x in bad), default=None)}
    for x in rows:
        out["by_status"][str(x[2])] = out["by_status"].get(str(x[2]), 0) + 1
    if bad:  # status, route and error code of each error
        out["errors_by_kind"] = dict(collections.Counter(
            f"{x[2]} {x[1]} {x[4] if len(x) > 4 else ''}".strip() for x in bad))
    print(json.dumps(out))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("flow")
    f.add_argument("--gateway", required=True)
    f.add_argument("--room", type=int, default=1)
    ld = sub.add_parser("load")
    ld.add_argument("--gateway", required=True)
    ld.add_argument("--room", type=int, default=2)
    ld.add_argument("--seconds", type=int, default=300)
    ld.add_argument("--threads", type=int, default=4)
    ld.add_argument("--rate", type=float, default=30.0, help="requests per second, all threads together")
    ld.add_argument("--out", required=True)
    ld.add_argument("--stop", help="the load ends early once this file exists")
    e = sub.add_parser("errors")
    e.add_argument("file")
    e.add_argument("--since", type=float, default=0)
    e.add_argument("--until", type=float)
    a = ap.parse_args()
    try:
        {"flow": flow, "load": load, "errors": errors}[a.cmd](a)
    except AssertionError as err:
        print(f"FAIL {err}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
