#!/usr/bin/env python3
"""The Grafana dashboards' JSON is the contract (Grafana itself can't run here): every panel's queries are run
against a real InfluxDB, the way Grafana would send them, and a panel whose queries all return no data fails.

  deploy/compose/check-dashboards.py --influx http://127.0.0.1:18086 [--window 10m] [dashboard.json ...]

Dashboards on the `influx-k6` datasource are checked statically instead (k6 can't run here): every measurement
must be a metric k6 writes (its documented built-in metrics, or a custom metric the project's k6 scripts declare),
every field `value` (what `k6 run --out influxdb` writes), every tag a k6 system tag or one the scripts set.
Exit status 1 on any failure. Standard library only (plus PyYAML for the datasource file, as check-compose.sh)."""
import argparse
import glob
import json
import os
import re
import sys
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
DEPLOY = os.path.dirname(HERE)
ROOT = os.path.dirname(DEPLOY)

# k6's built-in metrics and system tags, as documented: https://grafana.com/docs/k6/latest/using-k6/metrics/reference/
# and https://grafana.com/docs/k6/latest/using-k6/k6-options/reference/#system-tags. The InfluxDB v1 output writes one
# measurement per metric, named as the metric, with the sample in the field `value` and the sample's tags as tags.
K6_BUILTIN = {"vus", "vus_max", "iterations", "iteration_duration", "dropped_iterations", "data_received", "data_sent",
              "checks", "http_reqs", "http_req_blocked", "http_req_connecting", "http_req_tls_handshaking",
              "http_req_sending", "http_req_waiting", "http_req_receiving", "http_req_duration", "http_req_failed",
              "group_duration"}
K6_SYSTEM_TAGS = {"proto", "subproto", "status", "method", "url", "name", "group", "check", "error", "error_code",
                  "tls_version", "scenario", "service", "expected_response"}

FROM = re.compile(r'FROM\s+"([^"]+)"')
FIELD = re.compile(r'(?:mean|max|min|sum|count|last|median|percentile|spread|stddev)\("([^"]+)"')
TAG = re.compile(r'"([A-Za-z_][A-Za-z0-9_]*)"\s*(?:=~|!~|=|!=|<>)\s*[/\']')
GROUP_TAGS = re.compile(r'GROUP BY ([^)]*?)(?:\s+fill\(|$|\))')

failed = 0


def report(ok, line):
    global failed
    if not ok:
        failed += 1
    print(("ok   " if ok else "FAIL ") + line)


def datasources():
    import yaml
    out = {}
    for f in glob.glob(os.path.join(DEPLOY, "grafana/provisioning/datasources/*.y*ml")):
        for ds in (yaml.safe_load(open(f, encoding="utf-8")) or {}).get("datasources") or []:
            out[ds["uid"]] = (ds.get("jsonData") or {}).get("dbName") or ds.get("database")
    return out


def panels(dash):
    for p in dash.get("panels") or []:
        yield from panels(p)  # rows
        if p.get("targets"):
            yield p


def queries(panel):
    # Hidden queries too: a panel often hides its raw queries and shows an expression over them.
    for t in panel["targets"]:
        q = t.get("query")
        if q:
            yield t, q


def ds_uid(panel, target):
    for node in (target, panel):
        ds = node.get("datasource")
        if isinstance(ds, dict) and ds.get("uid"):
            return ds["uid"]
    return None


def as_grafana_sends(q, window, template):
    """Grafana's macros and the templating variables at their 'All' values."""
    q = q.replace("$timeFilter", f"time > now() - {window}")
    q = q.replace("$__interval_ms", "10000").replace("$__interval", "10s")
    for name, value in template.items():
        q = q.replace("$" + name, value)
    return q


def influx(url, db, q):
    u = f"{url}/query?" + urllib.parse.urlencode({"db": db, "q": q, "epoch": "s"})
    with urllib.request.urlopen(u, timeout=15) as r:
        body = json.load(r)
    rows = 0
    for res in body.get("results") or []:
        if res.get("error"):
            raise RuntimeError(res["error"])
        for s in res.get("series") or []:
            rows += sum(1 for v in s.get("values") or [] if any(x is not None for x in v[1:]))
    return rows


def without_value_conditions(q):
    """The same query without conditions on the value (`"value" > 0`): such a panel shows only an event (an open
    breaker) and is empty while none happens; its measurement and field must still be there."""
    return re.sub(r'\s+AND\s+"value"\s*[<>]=?\s*[0-9.]+', "", q)


def check_live(path, dash, url, dbs, window):
    template = {v["name"]: (v.get("allValue") or ".*") for v in (dash.get("templating") or {}).get("list") or []}
    for p in panels(dash):
        title = p.get("title")
        results = []
        for t, q in queries(p):
            db = dbs.get(ds_uid(p, t))
            sent = as_grafana_sends(q, window, template)
            try:
                rows = influx(url, db, sent)
                note = ""
                if rows == 0 and without_value_conditions(sent) != sent:
                    rows = influx(url, db, without_value_conditions(sent))
                    note = " (with its value condition: no event in the window)" if rows else ""
            except Exception as e:  # a query InfluxDB refuses is a broken panel
                rows, note = 0, f" (error: {e})"
            results.append((rows, FROM.findall(q), note))
        has_data = any(r for r, _, _ in results)
        detail = "; ".join(f"{','.join(m)}: {r} rows{n}" for r, m, n in results)
        report(has_data, f"{os.path.basename(path)} panel '{title}': {detail}")


def k6_declared():
    metrics, tags = set(), set()
    for f in glob.glob(os.path.join(ROOT, "k6/**/*.js"), recursive=True):
        src = open(f, encoding="utf-8").read()
        metrics |= set(re.findall(r"new\s+(?:Counter|Trend|Rate|Gauge)\(\s*['\"]([A-Za-z_][A-Za-z0-9_]*)", src))
        # tags added to a custom metric's sample: metric.add(x, { slot: ... })
        for m in re.finditer(r"\.add\([^,()]+(?:\([^)]*\))?\s*,\s*\{([^}]*)\}", src):
            tags |= set(re.findall(r"([A-Za-z_][A-Za-z0-9_]*)\s*:", m.group(1)))
    return metrics, tags


def check_k6_static(path, dash):
    custom, custom_tags = k6_declared()
    known = K6_BUILTIN | custom
    tags_ok = K6_SYSTEM_TAGS | custom_tags
    for p in panels(dash):
        for t, q in queries(p):
            for m in FROM.findall(q):
                report(m in known, f"{os.path.basename(path)} panel '{p.get('title')}': measurement {m} is "
                       + ("a k6 built-in metric" if m in K6_BUILTIN else "declared in k6/" if m in custom
                          else "NOT a metric k6 writes"))
            fields = set(FIELD.findall(q))
            report(fields <= {"value"}, f"{os.path.basename(path)} panel '{p.get('title')}': fields {sorted(fields)} "
                   "(k6 writes `value`)")
            used = set(TAG.findall(q)) - {"value"}
            for g in GROUP_TAGS.findall(q):
                used |= set(re.findall(r'"([A-Za-z_][A-Za-z0-9_]*)"', g))
            report(used <= tags_ok, f"{os.path.basename(path)} panel '{p.get('title')}': tags {sorted(used)} are k6 "
                   "system tags or set by the scripts" + ("" if used <= tags_ok else f" (unknown: {sorted(used - tags_ok)})"))
    for v in (dash.get("templating") or {}).get("list") or []:
        for m in FROM.findall(v.get("query") or ""):
            report(m in known, f"{os.path.basename(path)} variable ${v['name']}: measurement {m} is one k6 writes")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--influx", default=os.environ.get("INFLUX_URL", "http://127.0.0.1:8086"))
    ap.add_argument("--window", default="15m", help="how far back the panels look (InfluxQL duration)")
    ap.add_argument("--static-only", action="store_true", help="only the k6 dashboards' static check")
    ap.add_argument("dashboards", nargs="*")
    a = ap.parse_args()
    files = a.dashboards or sorted(glob.glob(os.path.join(DEPLOY, "grafana/dashboards/*.json")))
    dbs = datasources()
    for f in files:
        dash = json.load(open(f, encoding="utf-8"))
        uids = {ds_uid(p, t) for p in panels(dash) for t, _ in queries(p)}
        if uids == {"influx-k6"}:
            check_k6_static(f, dash)
        elif not a.static_only:
            check_live(f, dash, a.influx.rstrip("/"), dbs, a.window)
    print(f"dashboards: {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
