#!/bin/sh
# Entry point of the gateway container on balena.
#
# As root, and only for what needs root:
#  1. with UDEV=on in a privileged container, replace Docker's static /dev with the
#     kernel's devtmpfs and start udevd, so that USB serial adapters (and their
#     /dev/serial/by-id/ names) appear, also when plugged in after the start;
#  2. give the data folder (a named volume, created root-owned) to the aastreli user.
# Then run the command as aastreli, with no capabilities and no way to regain them.
set -eu

DATA_DIR="${AASTRELI_GATEWAY__DATA_DIR:-/data}"
RUN_AS="aastreli"

log() {
	echo "aastreli-entry: $*" >&2
}

# Docker gives a container a tmpfs /dev filled once at creation. A devtmpfs instead
# follows the kernel: new device nodes appear as devices are plugged in.
# Each step is checked: set -e does not apply inside a function called from an `if`.
mount_devtmpfs() {
	new_dev=$(mktemp -d) || return 1
	if ! mount -t devtmpfs none "$new_dev"; then
		rmdir "$new_dev"
		return 1
	fi
	for sub in shm mqueue pts; do
		if mountpoint -q "/dev/$sub"; then
			mkdir -p "$new_dev/$sub" && mount --move "/dev/$sub" "$new_dev/$sub" || return 1
		fi
	done
	umount /dev 2>/dev/null || true
	mount --move "$new_dev" /dev || return 1
	rmdir "$new_dev" 2>/dev/null || true
	# Docker mounts devpts with newinstance: ptmx must be that instance's.
	ln -sf pts/ptmx /dev/ptmx
}

start_udev() {
	# In its own network namespace udevd never sees (nor renames) the host's interfaces.
	unshare --net /lib/systemd/systemd-udevd --daemon || return 1
	udevadm trigger --subsystem-match=tty --action=add || return 1
	udevadm settle --timeout=10 || log "udev did not settle in 10 s; continuing"
}

if [ "$(id -u)" = 0 ]; then
	if [ "${UDEV:-off}" = "on" ]; then
		if mount_devtmpfs 2>/dev/null; then
			start_udev || log "udev failed to start: serial adapters may lack by-id names"
		else
			log "cannot mount devtmpfs (container not privileged?): serial hot-plug is off"
		fi
	fi
	mkdir -p "$DATA_DIR"
	# Only what is not already ours: cheap on every start, and it repairs files written
	# as root by an older release.
	find "$DATA_DIR" -xdev ! -user "$RUN_AS" -exec chown "$RUN_AS:$RUN_AS" {} +
	chmod 0700 "$DATA_DIR"
	exec setpriv --reuid="$RUN_AS" --regid="$RUN_AS" --init-groups \
		--inh-caps=-all --bounding-set=-all --no-new-privs -- "$@"
fi

exec "$@"
