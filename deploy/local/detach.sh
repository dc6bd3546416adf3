#!/usr/bin/env bash
# Runs a long-lived process of the stack without the caller's open files: only stdin/stdout/stderr are passed on.
# Otherwise a daemon would keep whatever its starter held open (a lock taken with `flock` around up.sh, a pipe of a
# test runner), for as long as it lives.
for fd in /proc/$$/fd/*; do
  fd=${fd##*/}
  if [ "$fd" -gt 2 ] 2>/dev/null; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
exec "$@"
