#!/bin/sh
# Create the project's virtual environment, explaining what to install when Python's
# venv module is missing (Debian ships it as a separate package).
set -eu
python="$1"
venv="$2"
if [ -z "$python" ]; then
	echo "error: no python3 found; install Python 3.11 (Debian: apt-get install python3)" >&2
	exit 1
fi
"$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || {
	echo "error: $python is older than 3.11; install Python 3.11 or newer" >&2
	exit 1
}
if ! "$python" -m venv "$venv" 2>/dev/null; then
	rm -rf "$venv"
	ver=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "installing python$ver-venv with apt" >&2
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "python$ver-venv" >/dev/null
		"$python" -m venv "$venv"
	else
		echo "error: Python's venv module is missing; install it: sudo apt-get install python$ver-venv" >&2
		exit 1
	fi
fi
"$venv/bin/python" -m pip --disable-pip-version-check -q install --upgrade pip setuptools wheel
