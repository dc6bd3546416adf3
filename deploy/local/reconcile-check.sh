#!/usr/bin/env bash
# Reconciliation check across the services' schemas (issue 14): money, seats and payments agree.
#
#   deploy/local/reconcile-check.sh              # one pass; exit 0 clean, 1 findings, 2 a service did not answer
#   deploy/local/reconcile-check.sh --wait 120   # repeat every 2 s until clean or 120 s passed (prints the seconds)
#
# It reads each service's GET /internal/reconciliation (docs/contracts.md) on 127.0.0.1 at the native stack's ports
# (8082 user, 8083 concert, 8084 reservation, 8085 payment; override with USER_URL, CONCERT_URL, RESERVATION_URL,
# PAYMENT_URL) and joins them here (python3). Why the endpoints and not SQL as
# root: each service owns its schema (one DB user per service, DESIGN.md §1); the endpoints check their own
# invariants on one consistent snapshot of their schema, work the same against the Compose stack (published
# ports) as against the native one, and need no database credentials. What that costs: the four snapshots are
# taken one after another, not at one instant, so a payment still in flight (its PaymentCompleted not yet applied
# everywhere) can show as a cross-service finding in a single pass. Run it once the system settled, or with
# --wait, which repeats until a pass is clean and reports the last pass otherwise (the system tests and the chaos
# run use --wait; its "after N s" is the time to converge).
#
# Checks:
#   MONEY_CONSERVED        per user: balance = charges - debits + refunds               (user-service)
#   VOID_HELD              no debit of a payment id payment-service voided               (user-service)
#   SETTLED_IN_TIME        no payment PENDING/DEBIT_UNKNOWN/REFUNDING, no reservation PAYING, past the bound
#   ONE_HOLDER_PER_SEAT    at most one HELD/PAYING/CONFIRMED reservation per seat        (reservation-service)
#   SOLD_SEAT_PAID         every SOLD seat: exactly one CONFIRMED reservation of it, sold by that reservation,
#                          and exactly one COMPLETED payment of that reservation (its confirming payment)
#   CONFIRMED_IS_SOLD      every CONFIRMED reservation shows SOLD in the seat view
#   COMPLETED_IS_CONFIRMED every COMPLETED payment's reservation is CONFIRMED by that payment
#   COMPLETED_HAS_DEBIT    every COMPLETED payment has its debit (same user, same amount, not refunded)
#   DEBIT_HAS_PAYMENT      every debit not refunded belongs to a payment that keeps or may keep it (COMPLETED,
#                          REFUNDING, or still settling); a refunded debit's payment is not COMPLETED
set -uo pipefail

WAIT=0
if [ "${1:-}" = "--wait" ]; then
  WAIT="${2:?--wait needs seconds}"
fi
export USER_URL="${USER_URL:-http://127.0.0.1:8082}"
export CONCERT_URL="${CONCERT_URL:-http://127.0.0.1:8083}"
export RESERVATION_URL="${RESERVATION_URL:-http://127.0.0.1:8084}"
export PAYMENT_URL="${PAYMENT_URL:-http://127.0.0.1:8085}"

check_once() {
  python3 - "$@" <<'PY'
import json, os, sys, urllib.request
from collections import defaultdict

def report(name, url):
    try:
        with urllib.request.urlopen(url + "/internal/reconciliation", timeout=30) as r:
            return json.load(r)["data"]
    except Exception as e:
        print(f"UNREACHABLE {name} at {url}: {e}")
        sys.exit(2)

user = report("user-service", os.environ["USER_URL"])
concert = report("concert-service", os.environ["CONCERT_URL"])
reservation = report("reservation-service", os.environ["RESERVATION_URL"])
payment = report("payment-service", os.environ["PAYMENT_URL"])

findings = []
lines = []
def check(name, checked, found):
    lines.append(f"  {name:<34} checked {checked:>7}  findings {len(found)}")
    findings.extend(found)

# the services' own invariants
for r in (user, reservation, payment):
    for c in r["checks"]:
        key = c["name"].split(":")[0]
        own = [f for f in r["findings"] if f["check"] == key]
        check(f"{key} ({r['service'].split('-')[0]})", c["checked"], own)

sold = concert["sold"]
confirmed = reservation["confirmed"]
held = payment["held"]
debits = user["debits"]
confirmed_by_seat = defaultdict(list)
for r in confirmed:
    confirmed_by_seat[r["seatId"]].append(r)
confirmed_by_id = {r["reservationId"]: r for r in confirmed}
completed_by_reservation = defaultdict(list)
for p in held:
    if p["status"] == "COMPLETED":
        completed_by_reservation[p["reservationId"]].append(p)
payment_by_id = {p["paymentId"]: p for p in held}
debit_by_payment = {d["paymentId"]: d for d in debits}
sold_by_seat = {s["seatId"]: s for s in sold}

def finding(check_name, subject, detail):
    return {"check": check_name, "subject": subject, "detail": detail}

found = []
for s in sold:
    seat = s["seatId"]
    rs = confirmed_by_seat.get(seat, [])
    if len(rs) != 1:
        found.append(finding("SOLD_SEAT_PAID", f"seat {seat}", f"{len(rs)} CONFIRMED reservations"))
        continue
    r = rs[0]
    if r["reservationId"] != s["reservationId"]:
        found.append(finding("SOLD_SEAT_PAID", f"seat {seat}",
                             f"sold by reservation {s['reservationId']} but CONFIRMED is {r['reservationId']}"))
    ps = completed_by_reservation.get(r["reservationId"], [])
    if len(ps) != 1 or ps[0]["paymentId"] != r["paymentId"]:
        found.append(finding("SOLD_SEAT_PAID", f"seat {seat}",
                             f"reservation {r['reservationId']} confirmed by payment {r['paymentId']}; "
                             f"COMPLETED payments of it: {[p['paymentId'] for p in ps]}"))
check("SOLD_SEAT_PAID", len(sold), found)

found = [finding("CONFIRMED_IS_SOLD", f"reservation {r['reservationId']}",
                 f"CONFIRMED but seat {r['seatId']} is not SOLD by it in the seat view")
         for r in confirmed if sold_by_seat.get(r["seatId"], {}).get("reservationId") != r["reservationId"]]
check("CONFIRMED_IS_SOLD", len(confirmed), found)

completed = [p for p in held if p["status"] == "COMPLETED"]
found = []
for p in completed:
    r = confirmed_by_id.get(p["reservationId"])
    if r is None or r["paymentId"] != p["paymentId"]:
        found.append(finding("COMPLETED_IS_CONFIRMED", f"payment {p['paymentId']}",
                             f"COMPLETED but reservation {p['reservationId']} is not CONFIRMED by it"))
check("COMPLETED_IS_CONFIRMED", len(completed), found)

found = []
for p in completed:
    d = debit_by_payment.get(p["paymentId"])
    if d is None:
        found.append(finding("COMPLETED_HAS_DEBIT", f"payment {p['paymentId']}", "COMPLETED without a debit"))
    elif d["refunded"] or d["userId"] != p["userId"] or d["amount"] != p["amount"]:
        found.append(finding("COMPLETED_HAS_DEBIT", f"payment {p['paymentId']}",
                             f"COMPLETED for {p['amount']} of user {p['userId']} but debit is {d}"))
check("COMPLETED_HAS_DEBIT", len(completed), found)

found = []
for d in debits:
    p = payment_by_id.get(d["paymentId"])
    if not d["refunded"] and p is None:
        found.append(finding("DEBIT_HAS_PAYMENT", f"payment {d['paymentId']}",
                             f"{d['amount']} debited from user {d['userId']} but the payment is FAILED, REFUNDED or unknown"))
    elif d["refunded"] and p is not None and p["status"] == "COMPLETED":
        found.append(finding("DEBIT_HAS_PAYMENT", f"payment {d['paymentId']}", "debit refunded but payment COMPLETED"))
check("DEBIT_HAS_PAYMENT", len(debits), found)

print("Reconciliation check")
print(f"  payments {payment['payments']}  reservations {reservation['reservations']}  seats {concert['seats']}")
print("\n".join(lines))
for f in findings:
    print(f"FINDING {f['check']} {f['subject']}: {f['detail']}")
print("CLEAN" if not findings else f"{len(findings)} FINDING(S)")
sys.exit(1 if findings else 0)
PY
}

start=$SECONDS
while true; do
  out="$(check_once)"
  rc=$?
  if [ "$rc" -eq 0 ] || [ $((SECONDS - start)) -ge "$WAIT" ]; then
    printf '%s\n' "$out"
    [ "$WAIT" -gt 0 ] && echo "after $((SECONDS - start)) s"
    exit "$rc"
  fi
  sleep 2
done
