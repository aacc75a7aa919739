#!/bin/sh
# Post-build script of the Aastreli PC image: the GRUB configuration of the EFI
# partition (its root PARTUUID is filled in by post-image.sh).
set -eu

BOARD_DIR=$(dirname "$0")

mkdir -p "$BINARIES_DIR/efi-part/EFI/BOOT"
cp -f "$BOARD_DIR/grub-efi.cfg" "$BINARIES_DIR/efi-part/EFI/BOOT/grub.cfg"
