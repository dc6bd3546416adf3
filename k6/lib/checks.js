// Checks shared by the scripts. Every check carries the endpoint's `name` tag, so the checks rate can be
// thresholded per endpoint (checks{name:...}) and read per endpoint in Grafana.
import { check } from 'k6';
import { dataOf } from './http.js';

/** A 200 with a {"data": ...} envelope whose data passes `valid` (a predicate on data). */
export function checkData(res, name, what, valid) {
  const data = dataOf(res);
  const results = {};
  results[`${name}: status 200`] = () => res.status === 200;
  results[`${name}: ${what}`] = () => data !== undefined && valid(data);
  return check(res, results, { name });
}

/** A status among the expected ones (e.g. 200 or 409 for a contended seat). */
export function checkStatus(res, name, statuses) {
  const results = {};
  results[`${name}: status in ${statuses.join('/')}`] = (r) => statuses.indexOf(r.status) >= 0;
  return check(res, results, { name });
}

/** Thresholds for one endpoint tag: latency (p95 under p95Ms) and failed requests; abort when broken. */
export function endpointThresholds(name, p95Ms, maxFailRate) {
  const t = {};
  t[`http_req_duration{name:${name}}`] = [`p(95)<${p95Ms}`];
  t[`http_req_failed{name:${name}}`] = [
    // A run whose endpoint fails this much measures nothing useful: stop it (after a short grace period).
    { threshold: `rate<${maxFailRate}`, abortOnFail: true, delayAbortEval: '15s' },
  ];
  t[`checks{name:${name}}`] = [`rate>${1 - maxFailRate}`];
  return t;
}
