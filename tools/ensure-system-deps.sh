#!/bin/sh
# The Debian packages the test suite needs: real peers and tools, never mocks.
# As root they are installed with apt when missing; otherwise each missing one is named.
set -eu
# command  package
need="mosquitto:mosquitto
node:nodejs
npm:npm
mosquitto_pub:mosquitto-clients
socat:socat
chromium:chromium
aarch64-linux-gnu-gcc:gcc-aarch64-linux-gnu
qemu-aarch64:qemu-user
shellcheck:shellcheck
busybox:busybox
rsync:rsync
gcc:gcc"
missing=""
for pair in $need; do
	cmd=${pair%%:*}
	pkg=${pair#*:}
	if ! command -v "$cmd" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$cmd" ]; then
		missing="$missing $pkg"
	fi
done
# The aarch64 C library headers come separately from the compiler.
[ -d /usr/aarch64-linux-gnu/include ] || missing="$missing libc6-dev-arm64-cross"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
	echo "installing with apt:$missing" >&2
	apt-get update -qq
	# shellcheck disable=SC2086 # one word per package
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
	echo "error: the tests need these Debian packages:$missing" >&2
	echo "       install them: sudo apt-get install$missing" >&2
	exit 1
fi
