#!/usr/bin/env bash
# Runs a Switchyard cluster on this machine: one Redis and N silos on 127.0.0.1, each silo serving
# the HTTP API on its own port, all in one Orleans cluster through Redis.
#
#   deploy/local-cluster.sh up [--silos N]   build, start Redis and N silos, print their addresses
#   deploy/local-cluster.sh status           what is running
#   deploy/local-cluster.sh down             stop exactly what 'up' started
#
# Environment (all optional):
#   SWITCHYARD_LOCAL_CLUSTER_DIR  state: pids, logs, Redis data  (default: .local-cluster in the repo)
#   SWITCHYARD_REDIS_PORT         Redis port                     (default: 6390)
#   SWITCHYARD_HTTP_PORT          first silo's HTTP port         (default: 8081; silo i uses +i-1)
#   SWITCHYARD_SILO_PORT          first silo-to-silo port        (default: 11111)
#   SWITCHYARD_GATEWAY_PORT       first gateway port             (default: 30000)
#   SWITCHYARD_SILO_DLL           a built Switchyard.Silo.dll to run instead of building one
#   ASPNETCORE_ENVIRONMENT        default Development: the demo tenant and admin key exist
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
state=${SWITCHYARD_LOCAL_CLUSTER_DIR:-$repo/.local-cluster}
redis_port=${SWITCHYARD_REDIS_PORT:-6390}
http_port=${SWITCHYARD_HTTP_PORT:-8081}
silo_port=${SWITCHYARD_SILO_PORT:-11111}
gateway_port=${SWITCHYARD_GATEWAY_PORT:-30000}

usage() { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

wait_healthy() { # url seconds
  local deadline=$((SECONDS + $2))
  until curl -fsS "$1/health" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then return 1; fi
    sleep 0.3
  done
}

up() {
  local silos=2
  while [ $# -gt 0 ]; do
    case "$1" in
      --silos) silos=$2; shift 2 ;;
      *) usage ;;
    esac
  done
  [[ "$silos" =~ ^[1-9][0-9]*$ ]] || { echo "--silos must be a positive whole number" >&2; exit 2; }
  if [ -f "$state/pids" ]; then
    echo "A local cluster is already running (see '$0 status'); run '$0 down' first." >&2
    exit 1
  fi
  command -v redis-server >/dev/null || { echo "redis-server is not installed (apt-get install -y redis-server)." >&2; exit 1; }

  local dll=${SWITCHYARD_SILO_DLL:-}
  if [ -z "$dll" ]; then
    echo "Building the silo…"
    dotnet publish "$repo/silo/Switchyard.Silo/Switchyard.Silo.csproj" -c Release -o "$state/silo" --nologo -v quiet >/dev/null
    dll=$state/silo/Switchyard.Silo.dll
  fi

  mkdir -p "$state/redis" "$state/logs"
  : > "$state/pids"
  # Acknowledged spend survives a Redis restart: append-only file, fsync on every write.
  redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$state/redis" \
    --appendonly yes --appendfsync always --save "" >"$state/logs/redis.log" 2>&1 &
  echo "redis $! 127.0.0.1:$redis_port" >> "$state/pids"

  for i in $(seq 1 "$silos"); do
    local port=$((http_port + i - 1))
    Switchyard__Cluster__Provider=Redis \
    Switchyard__Cluster__Redis="127.0.0.1:$redis_port" \
    Switchyard__Cluster__SiloPort=$((silo_port + i - 1)) \
    Switchyard__Cluster__GatewayPort=$((gateway_port + i - 1)) \
    Switchyard__DataDirectory="$state/silo-$i" \
    ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development} \
      dotnet "$dll" --urls "http://127.0.0.1:$port" --contentRoot "$(dirname "$dll")" >"$state/logs/silo-$i.log" 2>&1 &
    echo "silo-$i $! http://127.0.0.1:$port" >> "$state/pids"
  done

  while read -r name pid address; do
    case "$name" in silo-*)
      wait_healthy "$address" 180 || { echo "$name did not become healthy; see $state/logs/$name.log" >&2; down; exit 1; } ;;
    esac
  done < "$state/pids"

  echo "Switchyard local cluster is up:"
  while read -r name pid address; do printf '  %-8s %s (pid %s)\n' "$name" "$address" "$pid"; done < "$state/pids"
  echo "Stop it with: $0 down"
}

status() {
  if [ ! -f "$state/pids" ]; then echo "No local cluster is running."; return 0; fi
  while read -r name pid address; do
    if kill -0 "$pid" 2>/dev/null; then s=running; else s=stopped; fi
    printf '  %-8s %-28s pid %-8s %s\n' "$name" "$address" "$pid" "$s"
  done < "$state/pids"
}

down() {
  [ -f "$state/pids" ] || { echo "No local cluster is running."; return 0; }
  # Silos first (SIGTERM: they finish in-flight requests and leave the cluster), then Redis.
  for pass in silo redis; do
    while read -r name pid _; do
      case "$name" in "$pass"*) kill -TERM "$pid" 2>/dev/null || true ;; esac
    done < "$state/pids"
    while read -r name pid _; do
      case "$name" in "$pass"*)
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$pid" 2>/dev/null || true ;;
      esac
    done < "$state/pids"
  done
  rm -f "$state/pids"
  echo "Local cluster stopped."
}

command=${1:-}
[ -n "$command" ] || usage
shift
case "$command" in
  up) up "$@" ;;
  down) down ;;
  status) status ;;
  *) usage ;;
esac
