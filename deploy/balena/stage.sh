#!/bin/sh
# Stage a balena project from this repository: the sources git knows about (committed or
# not yet, never ignored files such as .venv or built libraries), with
# docker-compose.yml, balena.yml and a .dockerignore at the top, as balena's CLI wants.
#
#   deploy/balena/stage.sh OUT_DIR
#   balena push <fleet> --source OUT_DIR
set -eu

if [ $# -ne 1 ]; then
	echo "usage: $0 OUT_DIR" >&2
	exit 2
fi
out=$1
top=$(cd "$(dirname "$0")/../.." && pwd)

if [ -e "$out" ] && [ -n "$(ls -A "$out")" ]; then
	echo "error: $out exists and is not empty" >&2
	exit 1
fi
mkdir -p "$out"

# git lists tracked and untracked-but-not-ignored files (minus deleted ones, and the
# checks' tool cache); tar keeps their modes.
# shellcheck disable=SC2016 # the inner sh expands $f
(cd "$top" && git ls-files -z --cached --others --exclude-standard -- . ':!.cache' \
	| xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\n" "$f"; done' sh \
	| tar -cf - -T -) | tar -xf - -C "$out"

cp "$top/deploy/balena/docker-compose.yml" "$top/deploy/balena/balena.yml" "$out/"
cat > "$out/.dockerignore" <<'IGNORE'
.git
.venv
.cache
**/__pycache__
compiled_models/*/lib
data
docs
bench
tests
buildroot
IGNORE
echo "staged $(find "$out" -type f | wc -l) files in $out"
