#!/bin/sh
# Build the balena gateway image for this machine's architecture and run it the way
# docker-compose.yml does, then check it: health, readings of the simulator, the
# unprivileged user, and state kept in the named volume across a restart.
#
#   tools/balena-image-smoke.sh
#
# DOCKER    the client command (default: docker), e.g. "docker -H unix:///run/x.sock"
# STANDIN=1 when python:3.11-slim-bookworm cannot be pulled (no Docker Hub), make a
#           stand-in of the same Debian release with debootstrap and tag it so
# PRIVILEGED=0  run without privileged (an engine that cannot grant every capability)
#
# Not part of CI: it needs a container engine and a base image. Differences from a
# device: host networking (no bridge needed) with the web UI and the broker on free
# ports given by variables, mosquitto and the simulator as processes of this machine.
# Exit 0 passed, 1 failed, 77 skipped (no engine or base image).
set -eu

TOP=$(cd "$(dirname "$0")/.." && pwd)
DOCKER=${DOCKER:-docker}
PY=${PYTHON:-$TOP/.venv/bin/python}
BASE=python:3.11-slim-bookworm
IMAGE=aastreli-gateway:smoke
NAME=aastreli-smoke-$$
VOLUME=aastreli-smoke-data-$$
PASSWORD="Pump-house 3, night shift!"

skip() { echo "SKIP: $*" >&2; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
say() { echo "smoke: $*" >&2; }

# shellcheck disable=SC2086 # DOCKER may hold options
dk() { $DOCKER "$@"; }

dk version >/dev/null 2>&1 || skip "no container engine answers to '$DOCKER'"
command -v mosquitto >/dev/null || skip "mosquitto is not installed"
[ -x "$TOP/.venv/bin/aastreli" ] || skip "no .venv: run make dev first"

WORK=$(mktemp -d)
pids=""
cleanup() {
	dk rm -f "$NAME" >/dev/null 2>&1 || true
	dk volume rm "$VOLUME" >/dev/null 2>&1 || true
	for pid in $pids; do kill "$pid" 2>/dev/null || true; done
	rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

standin() {
	command -v debootstrap >/dev/null || skip "cannot pull $BASE and no debootstrap for a stand-in"
	say "no $BASE: making a stand-in from Debian bookworm"
	root="$WORK/base"
	debootstrap --variant=minbase --include=python3,python3-venv,python-is-python3,ca-certificates \
		bookworm "$root" http://deb.debian.org/debian >"$WORK/debootstrap.log" 2>&1 \
		|| { tail -n 20 "$WORK/debootstrap.log" >&2; fail "debootstrap failed"; }
	# The official image's layout (its Python in /usr/local/bin, apt keeps no caches)
	# and this machine's certificate authorities (a TLS proxy's, if any) for pip.
	ln -s /usr/bin/python3 "$root/usr/local/bin/python3"
	ln -s /usr/bin/python3 "$root/usr/local/bin/python"
	rm -rf "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
	printf 'Dir::Cache::pkgcache "";\nDir::Cache::srcpkgcache "";\n' > "$root/etc/apt/apt.conf.d/docker-clean"
	if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
		cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
		printf '[global]\ncert = /etc/ssl/certs/ca-certificates.crt\n' > "$root/etc/pip.conf"
	fi
	tar -C "$root" -c . | dk import -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$BASE" >/dev/null
}

if ! dk image inspect "$BASE" >/dev/null 2>&1 && ! dk pull -q "$BASE" >/dev/null 2>&1; then
	[ "${STANDIN:-0}" = 1 ] || skip "cannot pull $BASE (set STANDIN=1 to build a stand-in)"
	standin
fi

"$TOP/deploy/balena/stage.sh" "$WORK/stage" >/dev/null
say "building $IMAGE"
(cd "$WORK/stage" && DOCKER_BUILDKIT=0 dk build -q --network host -f deploy/balena/Dockerfile -t "$IMAGE" .) \
	>"$WORK/build.log" 2>&1 || { tail -n 30 "$WORK/build.log" >&2; fail "the image does not build"; }
size=$(dk image inspect "$IMAGE" --format '{{.Size}}')
say "image size: $((size / 1000000)) MB"

free_port() { "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
broker=$(free_port)
web=$(free_port)
mosquitto -p "$broker" >"$WORK/mosquitto.log" 2>&1 &
pids="$pids $!"
"$TOP/.venv/bin/aastreli" simulate --protocols mqtt --mqtt-host 127.0.0.1 --mqtt-port "$broker" \
	>"$WORK/simulator.log" 2>&1 &
pids="$pids $!"

privileged="--privileged"
[ "${PRIVILEGED:-1}" = 0 ] && privileged=""
dk volume create "$VOLUME" >/dev/null
# docker-compose.yml's settings for the gateway service (volume, restart, grace period,
# health check), on host networking.
# shellcheck disable=SC2086 # privileged is one option or none
dk run -d --name "$NAME" $privileged --network host --restart always --stop-timeout 20 \
	-v "$VOLUME:/data" -e "AASTRELI_WEB__PORT=$web" \
	-e AASTRELI_SOURCES__0__HOST=127.0.0.1 -e "AASTRELI_SOURCES__0__PORT=$broker" \
	--health-cmd /usr/local/bin/aastreli-healthcheck --health-interval 5s \
	--health-timeout 10s --health-retries 3 --health-start-period 120s "$IMAGE" >/dev/null \
	|| fail "the container does not start (an engine without every capability: PRIVILEGED=0)"

healthy() {
	i=0
	until [ "$(dk inspect -f '{{.State.Health.Status}}' "$NAME")" = healthy ]; do
		i=$((i + 1))
		[ "$i" -lt 60 ] || { dk logs "$NAME" 2>&1 | tail -n 20 >&2; fail "not healthy within 120 s"; }
		sleep 2
	done
}
healthy
say "healthy"

api() { "$PY" - "$web" "$@"; }
code=$(dk logs "$NAME" 2>&1 | sed -n 's/.*setup code \([0-9-]*\).*/\1/p' | head -n 1)
[ -n "$code" ] || fail "no setup code in the gateway's log"
api "$code" "$PASSWORD" <<'EOF' || fail "setup, sign-in or readings"
import json, sys, time, urllib.request
port, code, password = sys.argv[1:4]
base = f"http://127.0.0.1:{port}"
def call(path, body=None, token=None):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode() if body else None)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)
call("/setup", {"email": "ops@example.com", "username": "ops", "password": password, "setup_code": code})
token = call("/login", {"email": "ops@example.com", "password": password})["access_token"]
for _ in range(30):
    readings = call("/sensor-readings?limit=5", token=token)["readings"]
    if readings:
        break
    time.sleep(1)
else:
    sys.exit("no readings of the simulator within 30 s")
print(f"smoke: {len(readings)} readings, newest from {readings[0]['sensor_id']}", file=sys.stderr)
EOF

# The gateway's process: user aastreli, no capabilities, no_new_privs.
# shellcheck disable=SC2016 # expanded by the container's shell
dk exec "$NAME" sh -c 'for p in /proc/[0-9]*; do [ "$(cat "$p/comm" 2>/dev/null)" = aastreli ] && cat "$p/status"; done; true' \
	> "$WORK/status"
uid=$(dk exec "$NAME" id -u aastreli)
grep -q "^Uid:[[:space:]]*${uid}[[:space:]]" "$WORK/status" || fail "the gateway does not run as aastreli"
grep -q '^CapEff:[[:space:]]*0*$' "$WORK/status" || fail "the gateway has capabilities"
grep -q '^NoNewPrivs:[[:space:]]*1' "$WORK/status" || fail "no_new_privs is not set"
say "runs as aastreli (uid $uid), no capabilities, no_new_privs"

dk restart -t 20 "$NAME" >/dev/null
healthy
api "$PASSWORD" <<'EOF' || fail "the account did not survive the restart"
import json, sys, urllib.request
port, password = sys.argv[1:3]
req = urllib.request.Request(f"http://127.0.0.1:{port}/login",
    data=json.dumps({"email": "ops@example.com", "password": password}).encode(),
    headers={"Content-Type": "application/json"})
with urllib.request.urlopen(req, timeout=10) as resp:
    assert json.load(resp)["access_token"]
EOF
say "state kept in the volume across a restart"
echo "ok: balena image $IMAGE ($((size / 1000000)) MB)"
