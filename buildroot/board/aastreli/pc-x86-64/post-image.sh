#!/bin/sh
# Post-image script of the Aastreli PC image: give the root partition a fixed
# PARTUUID (the file system's UUID), point GRUB at it, assemble disk.img.
set -eu

BOARD_DIR=$(dirname "$0")
GENIMAGE_CFG="$BINARIES_DIR/genimage-aastreli.cfg"

uuid=$(dumpe2fs "$BINARIES_DIR/rootfs.ext2" 2>/dev/null \
	| sed -n 's/^Filesystem UUID: *\(.*\)/\1/p')
[ -n "$uuid" ] || { echo "no UUID in $BINARIES_DIR/rootfs.ext2" >&2; exit 1; }
sed -i "s/ROOT_UUID/$uuid/g" "$BINARIES_DIR/efi-part/EFI/BOOT/grub.cfg"
sed "s/ROOT_UUID/$uuid/g" "$BOARD_DIR/genimage-efi.cfg" > "$GENIMAGE_CFG"

support/scripts/genimage.sh -c "$GENIMAGE_CFG"
