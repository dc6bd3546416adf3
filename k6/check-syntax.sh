#!/usr/bin/env bash
# Static checks of the k6 scripts without running them (no k6 binary needed, only node):
#   1. every .js under k6/ parses as an ES module (node --check on a .mjs copy: parsed, never executed);
#   2. every import resolves: relative ones to an existing file under k6/ that exports each imported name,
#      the others to k6's built-in modules;
#   3. every runnable script (scripts/, scenarios/) exports `options` and a default function;
#   4. logins: every runnable script logs its users in in setup() (loginPool or admitPool), leaves HTTP to lib/
#      (no import of k6/http, so every call goes out with the session's Bearer token), and its header states its
#      default load and what it needs ("Default load:", "Needs:"); nowhere under k6/ does an Authorization header
#      carry anything but a Bearer token (the queue token travels in X-Queue-Token) or a call to /user/amount name
#      a user in its query (the balance is the logged-in user's).
# Usage: k6/check-syntax.sh [k6-dir]. Prints failures only (VERBOSE=1 prints every check);
# exit code non-zero on any failure; the last line is "N passed, M failed".
set -uo pipefail
K6_DIR="$(cd "${1:-$(dirname "${BASH_SOURCE[0]}")}" && pwd)"

if ! command -v node >/dev/null; then
  echo "FAIL node is not installed (apt-get install -y nodejs)"
  echo "0 passed, 1 failed"
  exit 1
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); if [ "${VERBOSE:-0}" != 0 ]; then echo "ok   $*"; fi; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

mapfile -t files < <(cd "$K6_DIR" && find . -name '*.js' -not -path '*/node_modules/*' | sed 's|^\./||' | sort)
if [ "${#files[@]}" -eq 0 ]; then
  fail "no .js files under $K6_DIR"
fi

# 1. syntax, as an ES module
for f in "${files[@]}"; do
  copy="$tmp/${f//\//__}.mjs"
  cp "$K6_DIR/$f" "$copy"
  if out=$(node --check "$copy" 2>&1); then
    ok "$f parses as an ES module"
  else
    fail "$f does not parse: $(printf '%s\n' "$out" | grep -m1 -E 'Error' || printf '%s' "$out" | head -1)"
    printf '%s\n' "$out" | sed -n '1,4p' | sed 's/^/     /'
  fi
done

# 2 and 3. imports and script shape (reads the sources; never executes them)
result=$(node - "$K6_DIR" "${files[@]}" <<'JS'
const fs = require('fs');
const path = require('path');
const [dir, ...files] = process.argv.slice(2);
const BUILTIN = /^k6(\/(http|metrics|execution|data|crypto|encoding|timers|ws|html|net\/grpc|secrets|browser|experimental\/[a-z-]+))?$/;
const stripComments = (src) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
const exportsOf = (src) => {
  const names = new Set();
  for (const m of src.matchAll(/export\s+(?:const|let|var|function\*?|async\s+function|class)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
  for (const m of src.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1].split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop().trim();
      if (name) names.add(name);
    }
  }
  if (/export\s+default\b/.test(src)) names.add('default');
  return names;
};
const lines = [];
for (const f of files) {
  const src = stripComments(fs.readFileSync(path.join(dir, f), 'utf8'));
  const imports = [...src.matchAll(/import\s+([\s\S]*?)\s+from\s+['"]([^'"]+)['"]/g)];
  for (const [, clause, spec] of imports) {
    if (!spec.startsWith('.')) {
      lines.push(`${BUILTIN.test(spec) ? 'ok' : 'FAIL'}\t${f}: import '${spec}' is a k6 module`);
      continue;
    }
    const target = path.normalize(path.join(path.dirname(f), spec));
    const abs = path.join(dir, target);
    if (target.startsWith('..') || !fs.existsSync(abs)) {
      lines.push(`FAIL\t${f}: import '${spec}' resolves to an existing file under k6/`);
      continue;
    }
    const exported = exportsOf(stripComments(fs.readFileSync(abs, 'utf8')));
    const wanted = [];
    const named = clause.match(/\{([^}]*)\}/);
    if (named) {
      for (const part of named[1].split(',')) {
        const name = part.trim().split(/\s+as\s+/)[0].trim();
        if (name) wanted.push(name);
      }
    }
    const def = clause.replace(/\{[^}]*\}/, '').split(',')[0].trim();
    if (def && !def.startsWith('*')) wanted.push('default');
    const missing = wanted.filter((n) => !exported.has(n));
    lines.push(`${missing.length === 0 ? 'ok' : 'FAIL'}\t${f}: import '${spec}' provides ${wanted.join(', ') || '(module)'}`
      + (missing.length ? ` (missing: ${missing.join(', ')})` : ''));
  }
  for (const m of src.matchAll(/Authorization['"]?\s*[:=]\s*([^,;\n]*)/g)) {
    lines.push(`${/^[`'"]Bearer /.test(m[1].trim()) ? 'ok' : 'FAIL'}\t${f}: Authorization carries a Bearer token only`
      + ` (${m[1].trim().slice(0, 40)})`);
  }
  for (const m of src.matchAll(/\/user\/amount\?[^'"`\n]*/g)) {
    lines.push(`${/userId/.test(m[0]) ? 'FAIL' : 'ok'}\t${f}: ${m[0]} names no user in the query`);
  }
  if (/^(scripts|scenarios)\//.test(f)) {
    const ex = exportsOf(src);
    lines.push(`${ex.has('options') ? 'ok' : 'FAIL'}\t${f}: exports options`);
    lines.push(`${/export\s+default\s+function/.test(src) ? 'ok' : 'FAIL'}\t${f}: exports a default function`);
    lines.push(`${/export\s+function\s+setup\b/.test(src) && /\b(loginPool|admitPool)\(/.test(src) ? 'ok' : 'FAIL'}`
      + `\t${f}: logs its users in in setup() (loginPool or admitPool)`);
    lines.push(`${/from\s+['"]k6\/http['"]/.test(src) ? 'FAIL' : 'ok'}\t${f}: sends its requests through lib/ (no k6/http import)`);
    const header = (fs.readFileSync(path.join(dir, f), 'utf8').match(/^(\/\/.*\n)+/) || [''])[0];
    for (const field of ['Default load:', 'Needs:']) {
      lines.push(`${header.includes(`// ${field}`) ? 'ok' : 'FAIL'}\t${f}: header states "${field}"`);
    }
  }
}
console.log(lines.join('\n'));
JS
)
if [ -z "$result" ] && [ "${#files[@]}" -gt 0 ]; then
  fail "import/shape checks produced no result"
fi
while IFS=$'\t' read -r status what; do
  [ -z "$status" ] && continue
  if [ "$status" = ok ]; then ok "$what"; else fail "$what"; fi
done <<<"$result"

if [ "$failed" = 0 ] && [ "${VERBOSE:-0}" = 0 ]; then
  echo "all checks of ${#files[@]} k6 files passed (VERBOSE=1 lists them)"
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
