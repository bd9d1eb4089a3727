#!/usr/bin/env bash
# Runs Switchyard's whole test suite: builds the solution, installs and starts what the
# integration tests need on 127.0.0.1, runs every test, and ends with one line
# "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

# Redis for the cluster tests: installed from Debian's packages when missing. The tests start their
# own redis-server processes on 127.0.0.1 and free ports, and stop them.
if ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
  $apt_get update -qq && DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq redis-server >/dev/null
  # Debian starts a system redis on 6379; the tests do not use it.
  (service redis-server stop || true) >/dev/null 2>&1
fi

# PostgreSQL for the ledger tests: installed from Debian's packages when missing. The tests create
# their own throwaway cluster (initdb) on 127.0.0.1 and a free port, and delete it afterwards.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
  $apt_get update -qq && DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq postgresql >/dev/null
  # Debian starts a system cluster on 5432; the tests do not use it.
  (service postgresql stop || true) >/dev/null 2>&1
fi

# The openai npm package, for the test that runs a client written by someone else against Switchyard.
(cd tests/js && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed in tests/js"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet test Cluster.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One summary line per test assembly, e.g. "Passed!  - Failed: 0, Passed: 80, Skipped: 0, Total: 80".
read -r passed failed skipped < <(
  grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" |
    awk -F'[:,] *' '{f += $2; p += $4; s += $6} END {print p + 0, f + 0, s + 0}')

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or the test host failed before any test could report.
  failed=1
fi

echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
