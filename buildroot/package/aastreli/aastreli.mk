################################################################################
#
# aastreli
#
################################################################################

AASTRELI_VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' $(BR2_EXTERNAL_AASTRELI_PATH)/../gateway/__init__.py)
AASTRELI_SITE = $(BR2_EXTERNAL_AASTRELI_PATH)/..
AASTRELI_SITE_METHOD = local
# The source tree is the whole repository: leave out what a developer's checkout
# holds besides the sources (a venv of hundreds of MB, caches, built libraries).
# Each folder is anchored at the top with a leading '/': a bare name drops that
# name at every depth (`data` also drops webui/data, the password list). Only
# __pycache__ is meant everywhere.
AASTRELI_OVERRIDE_SRCDIR_RSYNC_EXCLUSIONS = \
	--exclude /.venv --exclude /.cache --exclude /data --exclude /build \
	--exclude /dist --exclude '/*.egg-info' --exclude __pycache__ \
	--exclude /compiled_models --exclude /buildroot --exclude /node_modules \
	--exclude /tests --exclude /bench
AASTRELI_SETUP_TYPE = setuptools
AASTRELI_LICENSE = Apache-2.0
AASTRELI_LICENSE_FILES = LICENSE
AASTRELI_DEPENDENCIES = aastreli-model

define AASTRELI_USERS
	aastreli -1 aastreli -1 * /var/lib/aastreli - dialout Aastreli edge gateway
endef

define AASTRELI_INSTALL_INIT_SYSV
	$(INSTALL) -D -m 0755 $(AASTRELI_PKGDIR)/S95aastreli \
		$(TARGET_DIR)/etc/init.d/S95aastreli
endef

# One unit for Debian and Buildroot: only the program's path differs.
define AASTRELI_INSTALL_INIT_SYSTEMD
	mkdir -p $(TARGET_DIR)/usr/lib/systemd/system
	sed -e 's%/opt/aastreli/venv/bin/%/usr/bin/%g' \
		$(@D)/deploy/systemd/aastreli.service \
		> $(TARGET_DIR)/usr/lib/systemd/system/aastreli.service
	chmod 0644 $(TARGET_DIR)/usr/lib/systemd/system/aastreli.service
endef

# The commented list of overrides and secrets, the same as on Debian; a file of the
# same name in a rootfs overlay replaces it. Root only: it may hold secrets.
define AASTRELI_INSTALL_DEFAULTS
	$(INSTALL) -D -m 0600 $(@D)/deploy/systemd/aastreli.default \
		$(TARGET_DIR)/etc/default/aastreli
endef
AASTRELI_POST_INSTALL_TARGET_HOOKS += AASTRELI_INSTALL_DEFAULTS

$(eval $(python-package))
