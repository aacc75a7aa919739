#!/bin/sh
# Post-image script of the Aastreli Raspberry Pi 4 image: list the boot files the
# build produced (device trees, firmware, kernel) in the genimage template, then
# assemble sdcard.img with the data partition.
set -eu

BOARD_DIR=$(dirname "$0")
GENIMAGE_CFG="$BINARIES_DIR/genimage-aastreli.cfg"

kernel=$(sed -n 's/^kernel=//p' "$BINARIES_DIR/rpi-firmware/config.txt")
boot_files=$(
	cd "$BINARIES_DIR"
	for f in ./*.dtb rpi-firmware/* "$kernel"; do
		[ -e "$f" ] && printf '\t\t\t"%s",\n' "${f#./}"
	done
)
awk -v files="$boot_files" '{ if ($0 == "#BOOT_FILES#") print files; else print }' \
	"$BOARD_DIR/genimage.cfg.in" > "$GENIMAGE_CFG"

support/scripts/genimage.sh -c "$GENIMAGE_CFG"
