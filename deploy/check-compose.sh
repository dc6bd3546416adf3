#!/usr/bin/env bash
# Static checks of the Compose stack, no Docker engine needed:
#   - `docker-compose config -q` (when docker-compose is installed) with the dev values of .env.example, alone and
#     with the offline override deploy/compose/offline.yml;
#   - every service: image or build, a health check, a memory limit; pinned image tags;
#   - every Spring service: the env it needs (DB_*, REDIS_*, KAFKA_BOOTSTRAP, EUREKA_URL, QUEUE_TOKEN_SECRET,
#     SPRING_PROFILES_ACTIVE=docker, INFLUX_*, a -Xmx), depends_on: service_healthy on its infrastructure,
#     a readiness health check, its application-docker.yml;
#   - scalable services publish no host port and have no container_name; only the edge publishes ports;
#   - every ${VAR} the file uses has a value in .env.example, except secrets: those are empty there (the example
#     holds no usable secret; deploy/init-env.sh generates them) and required (${VAR:?}); bind-mounted paths and
#     build inputs exist (secrets/ is made by init-env.sh);
#   - kafka-ui read-only and on loopback; Grafana's admin password required; the gateway's health on its
#     management port;
#   - Grafana provisioning: datasource uids the dashboards reference exist, no ${DS_*} placeholders.
# Usage: deploy/check-compose.sh [compose-file] [env-example]   (defaults: deploy/docker-compose.yml, deploy/.env.example)
# Prints failures only (VERBOSE=1 prints every check); exit code non-zero on any failure; the last line is
# "N passed, M failed".
set -uo pipefail
DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
COMPOSE_FILE="${1:-$DEPLOY_DIR/docker-compose.yml}"
ENV_EXAMPLE="${2:-$DEPLOY_DIR/.env.example}"

exec python3 - "$COMPOSE_FILE" "$ENV_EXAMPLE" <<'PY'
import json, os, re, shutil, subprocess, sys

try:
    import yaml
except ImportError:
    print("FAIL PyYAML is not installed (pip install pyyaml / apt-get install python3-yaml)")
    print("0 passed, 1 failed")
    sys.exit(1)

compose_path, env_example = (os.path.abspath(p) for p in sys.argv[1:3])
base = os.path.dirname(compose_path)
passed = failed = 0


VERBOSE = os.environ.get("VERBOSE", "0") not in ("", "0")


def check(ok, what, why=""):
    global passed, failed
    if ok:
        passed += 1
        if VERBOSE:
            print(f"ok   {what}")
    else:
        failed += 1
        print(f"FAIL {what}" + (f": {why}" if why else ""))
    return ok


def finish():
    if not VERBOSE and not failed:
        print(f"all checks of {os.path.relpath(compose_path, os.path.dirname(base))} passed (VERBOSE=1 lists them)")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


# ------------------------------------------------------------------ parse
try:
    raw = open(compose_path, encoding="utf-8").read()
    doc = yaml.safe_load(raw)
    check(isinstance(doc, dict) and isinstance(doc.get("services"), dict), "compose file parses with services",
          "no services mapping")
except (OSError, yaml.YAMLError) as e:
    check(False, "compose file parses", str(e).splitlines()[0])
    finish()
if failed:
    finish()
services = doc["services"]

SECRET_NAME = re.compile(r"PASSWORD|SECRET")
env_values = {}
if check(os.path.isfile(env_example), f"{os.path.basename(env_example)} exists"):
    for line in open(env_example, encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            k, v = line.split("=", 1)
            env_values[k.strip()] = v.strip()
example_secrets = {k for k in env_values if SECRET_NAME.search(k)}
for k in sorted(example_secrets):
    check(env_values[k] == "", f"{os.path.basename(env_example)}: {k} is empty (no usable secret; init-env.sh makes one)",
          "holds a value")
# What the checks interpolate with: the example's values, and a stand-in for each secret init-env.sh would make.
env_values.update({k: f"check-only-{k.lower()}" for k in example_secrets})
import tempfile
check_env = tempfile.NamedTemporaryFile("w", suffix=".env", delete=False)
check_env.write("".join(f"{k}={v}\n" for k, v in env_values.items()))
check_env.close()

# ------------------------------------------------------------------ docker-compose config
dc = shutil.which("docker-compose")
if dc:
    r = subprocess.run([dc, "-f", compose_path, "--env-file", check_env.name, "config", "-q"],
                       capture_output=True, text=True)
    check(r.returncode == 0, "docker-compose config -q (with .env.example and stand-in secrets)",
          (r.stderr or r.stdout).strip().splitlines()[-1] if (r.stderr or r.stdout).strip() else f"exit {r.returncode}")
    # The offline override (deploy/compose/offline.yml: local images, Grafana and kafka-ui under a profile) over it.
    offline = os.path.join(base, "compose", "offline.yml")
    if os.path.isfile(offline):
        r = subprocess.run([dc, "-f", compose_path, "-f", offline, "--env-file", check_env.name, "config", "-q"],
                           capture_output=True, text=True)
        check(r.returncode == 0, "docker-compose config -q with deploy/compose/offline.yml",
              (r.stderr or r.stdout).strip().splitlines()[-1] if (r.stderr or r.stdout).strip() else f"exit {r.returncode}")
else:
    print("skip docker-compose config -q: docker-compose not installed (apt-get install -y docker-compose)")

# ------------------------------------------------------------------ ${VAR} have values in .env.example
def strings(node):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from strings(k)
            yield from strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from strings(v)
    elif isinstance(node, str):
        yield node


values = "\n".join(strings(doc))  # parsed values only: comments may mention ${VAR} freely
used = sorted(set(re.findall(r"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)", values)))
for var in used:
    check(env_values.get(var, "") != "", f"${{{var}}} has a value in .env.example (or is a secret it lists)")
# Secrets never get a default in the Compose file: every use is ${VAR:?message}.
for var in used:
    if re.search(r"PASSWORD|SECRET", var):
        forms = re.findall(r"(?<!\$)\$\{" + var + r"(:?[-?]|\})", values)
        check(forms and all(f == ":?" for f in forms), f"secret ${{{var}}} is required (:?), never defaulted",
              f"forms {forms}")

# ------------------------------------------------------------------ what each Spring service needs
DB = {"user-service": "user_service", "concert-service": "concert_service",
      "reservation-service": "reservation_service", "payment-service": "payment_service"}
REDIS = {"queue-service", "concert-service", "gateway", "user-service"}
KAFKA = {"queue-service", "concert-service", "reservation-service", "payment-service"}
TOKEN = {"queue-service", "gateway"}
SCALABLE = {"queue-service", "user-service", "concert-service", "reservation-service", "payment-service"}
SPRING = SCALABLE | {"gateway", "discovery"}
PUBLISHED_OK = {"gateway", "grafana", "kafka-ui", "discovery", "influxdb"}
DEBUG_PORTS = {"discovery", "influxdb"}
INFRA_OF_ENV = {"DB_HOST": "mariadb", "REDIS_HOST": "redis", "KAFKA_BOOTSTRAP": "kafka", "EUREKA_URL": "discovery"}

for name in sorted(SPRING):
    check(name in services, f"service {name} is defined")


def env_of(svc):
    env = svc.get("environment") or {}
    if isinstance(env, list):
        env = dict(e.split("=", 1) if "=" in e else (e, None) for e in env)
    return {k: ("" if v is None else str(v)) for k, v in env.items()}


def depends_of(svc):
    d = svc.get("depends_on") or {}
    if isinstance(d, list):
        return {k: "service_started" for k in d}
    return {k: (v or {}).get("condition", "service_started") for k, v in d.items()}


def mem_limit(svc):
    if svc.get("mem_limit"):
        return str(svc["mem_limit"])
    return str(((svc.get("deploy") or {}).get("resources") or {}).get("limits", {}).get("memory") or "")


def interpolate(text):
    """${VAR}, ${VAR:-default}, ${VAR:?msg} with the values of .env.example, as Compose would."""
    def one(m):
        var, op, arg = m.group(1), m.group(2) or "", m.group(3) or ""
        value = env_values.get(var, "")
        return value if value or op != ":-" else arg
    return re.sub(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}", one, text)


for name, svc in services.items():
    svc = svc or {}
    check(bool(svc.get("image") or svc.get("build")), f"{name}: has an image or a build")
    image = interpolate(str(svc.get("image") or ""))
    if image and not svc.get("build"):
        tag = image.rsplit("/", 1)[-1]
        check(":" in tag and not tag.endswith(":latest"), f"{name}: image {image} is pinned", "no tag or :latest")
    hc = svc.get("healthcheck") or {}
    test = hc.get("test")
    if svc.get("profiles") and not svc.get("restart") and not svc.get("ports"):
        # a one-shot job (k6): runs to completion under `docker compose run`, nothing depends on it
        check(not any(name in (s or {}).get("depends_on", {}) for s in services.values()),
              f"{name}: one-shot job under a profile, nothing depends on it (no health check needed)")
    else:
        check(bool(test) and not hc.get("disable") and test != ["NONE"], f"{name}: has a health check")
    check(mem_limit(svc) != "", f"{name}: has a memory limit")
    for dep, cond in depends_of(svc).items():
        check(dep in services, f"{name}: depends_on {dep} exists")
        if cond == "service_healthy" and dep in services:
            check(bool((services[dep] or {}).get("healthcheck")), f"{name}: {dep} (service_healthy) has a health check")
    if name in SCALABLE:
        check(not svc.get("ports"), f"{name}: publishes no host port (scalable)", f"ports {svc.get('ports')}")
        check(not svc.get("container_name"), f"{name}: no container_name (scalable)")
    elif svc.get("ports"):
        check(name in PUBLISHED_OK, f"{name}: may publish host ports", f"only {sorted(PUBLISHED_OK)} are published")
        if name in DEBUG_PORTS:
            check(all(str(p).startswith("127.0.0.1:") for p in svc["ports"]), f"{name}: debug port bound to 127.0.0.1 only",
                  f"ports {svc['ports']}")

    if name not in SPRING:
        continue
    env = env_of(svc)
    deps = depends_of(svc)
    build = svc.get("build") or {}
    module = (build.get("args") or {}).get("MODULE") if isinstance(build, dict) else None
    check(module == name, f"{name}: built from the root Dockerfile with MODULE={name}", f"MODULE={module}")
    if isinstance(build, dict):
        ctx = os.path.normpath(os.path.join(base, build.get("context", ".")))
        check(os.path.isfile(os.path.join(ctx, build.get("dockerfile", "Dockerfile"))), f"{name}: Dockerfile exists")
        check(os.path.isfile(os.path.join(ctx, name, "src/main/resources/application-docker.yml")),
              f"{name}: {name}/src/main/resources/application-docker.yml exists")
    check(env.get("SPRING_PROFILES_ACTIVE", "").split(",")[0] == "docker", f"{name}: SPRING_PROFILES_ACTIVE=docker")
    check(env.get("SERVER_PORT", "").isdigit(), f"{name}: SERVER_PORT set")
    check("-Xmx" in env.get("JAVA_OPTS", "") + env.get("JAVA_TOOL_OPTIONS", ""), f"{name}: -Xmx in JAVA_OPTS")
    hc_text = json.dumps((svc.get("healthcheck") or {}).get("test"))
    check("/actuator/health/readiness" in hc_text, f"{name}: health check probes /actuator/health/readiness")
    needed = []
    if name != "discovery":
        needed += ["EUREKA_URL", "INFLUX_ENABLED", "INFLUX_URL"]
    if name in DB:
        needed += ["DB_HOST", "DB_PORT", "DB_USER", "DB_PASSWORD"]
    if name in REDIS:
        needed += ["REDIS_HOST", "REDIS_PORT"]
    if name in KAFKA:
        needed += ["KAFKA_BOOTSTRAP"]
    if name in TOKEN:
        needed += ["QUEUE_TOKEN_SECRET"]
    for var in needed:
        check(env.get(var, "") != "", f"{name}: env {var}")
    if name != "discovery":
        check(env.get("EUREKA_URL", "").startswith("http://discovery:"), f"{name}: EUREKA_URL points at the discovery container")
        check(env.get("INFLUX_ENABLED") == "true" and "influxdb:8086" in env.get("INFLUX_URL", ""),
              f"{name}: Micrometer export to influxdb:8086 enabled")
    if name in DB:
        schema = DB[name]
        check(env.get("DB_USER") == schema, f"{name}: DB_USER is its own user {schema}")
        secret = f"{schema.upper()}_DB_PASSWORD"
        check(re.fullmatch(r"\$\{" + secret + r":\?[^}]*\}", env.get("DB_PASSWORD", "")) is not None,
              f"{name}: DB_PASSWORD comes from ${{{secret}:?}} (no default)")
        check(secret in env_of(services.get("mariadb") or {}), f"mariadb: receives {secret} for {name}'s user")
    if name in TOKEN:
        check(re.fullmatch(r"\$\{QUEUE_TOKEN_SECRET:\?[^}]*\}", env.get("QUEUE_TOKEN_SECRET", "")) is not None,
              f"{name}: QUEUE_TOKEN_SECRET comes from ${{QUEUE_TOKEN_SECRET:?}} (no default)")
    for var, infra in INFRA_OF_ENV.items():
        if var in needed:
            check(deps.get(infra) == "service_healthy", f"{name}: depends_on {infra} service_healthy",
                  f"condition {deps.get(infra)}")

# ------------------------------------------------------------------ bind mounts exist
init_env = open(os.path.join(base, "init-env.sh"), encoding="utf-8").read() if os.path.isfile(os.path.join(base, "init-env.sh")) else ""
for name, svc in services.items():
    for v in (svc or {}).get("volumes") or []:
        src = v.get("source") if isinstance(v, dict) else str(v).split(":")[0]
        if src and src.startswith("./secrets/"):
            check(src[len("./"):] in init_env or "secrets/" + src.split("/")[2] in init_env,
                  f"{name}: secret mount {src} is made by init-env.sh")
        elif src and (src.startswith(".") or src.startswith("/")):
            check(os.path.exists(os.path.normpath(os.path.join(base, src))), f"{name}: bind mount {src} exists")

# ------------------------------------------------------------------ hardening of the edge and the tools
ui = services.get("kafka-ui") or {}
check(env_of(ui).get("KAFKA_CLUSTERS_0_READONLY") == "true", "kafka-ui: read-only (cannot publish or change topics)")
check(all(str(p).startswith("127.0.0.1:") for p in ui.get("ports") or []), "kafka-ui: port bound to 127.0.0.1 only",
      f"ports {ui.get('ports')}")
gf = env_of(services.get("grafana") or {})
check(re.fullmatch(r"\$\{GRAFANA_ADMIN_PASSWORD:\?[^}]*\}", gf.get("GF_SECURITY_ADMIN_PASSWORD", "")) is not None,
      "grafana: admin password required, no default")
check(gf.get("GF_AUTH_ANONYMOUS_ENABLED") == "false", "grafana: no anonymous access")
gw = services.get("gateway") or {}
check(":8079/actuator/health" in json.dumps((gw.get("healthcheck") or {}).get("test")),
      "gateway: health probed on the management port, not the public one")
us = env_of(services.get("user-service") or {})
check(re.fullmatch(r"\$\{ADMIN_PASSWORD:\?[^}]*\}", us.get("ADMIN_PASSWORD", "")) is not None,
      "user-service: ADMIN_PASSWORD required, no default")
check(us.get("SPRING_CONFIG_IMPORT", "").startswith("configtree:"), "user-service: signing key from a config tree")
for name in SCALABLE | {"discovery"}:
    env = env_of(services.get(name) or {})
    check(env.get("SERVER_ADDRESS") == "0.0.0.0", f"{name}: listens on its container network (SERVER_ADDRESS)")

# ------------------------------------------------------------------ k6 service
k6 = services.get("k6")
if check(k6 is not None, "k6 service is defined"):
    check(bool(k6.get("profiles")), "k6: under a profile (not started by `up`)")
    check(env_of(k6).get("K6_OUT", "").startswith("influxdb=http://influxdb:8086/"), "k6: K6_OUT streams to InfluxDB")

# ------------------------------------------------------------------ Grafana provisioning
ds_dir = os.path.join(base, "grafana/provisioning/datasources")
dash_dir = os.path.join(base, "grafana/dashboards")
uids = set()
if check(os.path.isdir(ds_dir), "grafana datasource provisioning exists"):
    for f in sorted(os.listdir(ds_dir)):
        if f.endswith((".yml", ".yaml")):
            d = yaml.safe_load(open(os.path.join(ds_dir, f), encoding="utf-8")) or {}
            for ds in d.get("datasources") or []:
                check(bool(ds.get("uid")), f"datasource {ds.get('name')}: fixed uid")
                uids.add(ds.get("uid"))
dashboards = sorted(f for f in os.listdir(dash_dir) if f.endswith(".json")) if os.path.isdir(dash_dir) else []
check(len(dashboards) >= 2, "grafana dashboards present", f"{dashboards}")


def ds_refs(node, out):
    if isinstance(node, dict):
        ds = node.get("datasource")
        if isinstance(ds, dict) and ds.get("uid"):
            out.add(ds["uid"])
        for v in node.values():
            ds_refs(v, out)
    elif isinstance(node, list):
        for v in node:
            ds_refs(v, out)
    return out


for f in dashboards:
    text = open(os.path.join(dash_dir, f), encoding="utf-8").read()
    try:
        dash = json.loads(text)
    except ValueError as e:
        check(False, f"{f}: valid JSON", str(e))
        continue
    check(bool(dash.get("uid")) and bool(dash.get("panels")), f"{f}: has a uid and panels")
    check("${DS_" not in text and "__inputs" not in dash, f"{f}: no ${{DS_*}} import placeholders")
    refs = ds_refs(dash, set()) - {"-- Grafana --", "grafana", "__expr__"}
    check(bool(refs) and refs <= uids, f"{f}: datasource uids {sorted(refs)} are provisioned", f"provisioned {sorted(uids)}")

finish()
PY
