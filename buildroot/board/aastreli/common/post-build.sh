#!/bin/sh
# Post-build script shared by the Aastreli boards: mount the data partition (label
# aastreli-data, made by genimage) over the gateway's state folder. The root file
# system stays read-only; this partition is the only one written in operation.
set -eu

TARGET_DIR=$1
DATA_DIR=/var/lib/aastreli
FSTAB="$TARGET_DIR/etc/fstab"

mkdir -p "$TARGET_DIR$DATA_DIR"
if ! grep -q "[[:space:]]${DATA_DIR}[[:space:]]" "$FSTAB"; then
	printf 'LABEL=aastreli-data\t%s\text4\tdefaults,noatime,nodev,nosuid,noexec\t0\t2\n' \
		"$DATA_DIR" >> "$FSTAB"
fi

# Secrets may be written into this file before the build: readable by root only.
if [ -f "$TARGET_DIR/etc/default/aastreli" ]; then
	chmod 0600 "$TARGET_DIR/etc/default/aastreli"
fi
