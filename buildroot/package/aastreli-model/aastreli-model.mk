################################################################################
#
# aastreli-model
#
################################################################################

AASTRELI_MODEL_PACKAGE = $(call qstrip,$(BR2_PACKAGE_AASTRELI_MODEL_NAME))
# The gateway's version, read here too: external.mk includes this file before
# aastreli.mk (sorted by name), and Buildroot expands _VERSION when it evaluates
# the package, so $(AASTRELI_VERSION) would still be empty.
AASTRELI_MODEL_VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' $(BR2_EXTERNAL_AASTRELI_PATH)/../gateway/__init__.py)
# The whole compiled_models folder is the site: the package is then a clean subfolder
# of the build directory, holding exactly what the repository holds, and Buildroot's
# own files (.stamp_*, .files-list*, the LICENSE copy) stay beside it, never in it (the
# gateway's builder refuses any file the signed manifest does not list).
AASTRELI_MODEL_SITE = $(BR2_EXTERNAL_AASTRELI_PATH)/../compiled_models
AASTRELI_MODEL_SITE_METHOD = local
AASTRELI_MODEL_OVERRIDE_SRCDIR_RSYNC_EXCLUSIONS = \
	--exclude '/*/lib' --exclude '/.*'
AASTRELI_MODEL_LICENSE = Apache-2.0
# openssl checks the package's signature before the build; the gateway's own builder
# (gateway/model/build.py, standard library only) checks the files and compiles.
AASTRELI_MODEL_DEPENDENCIES = host-openssl host-python3
AASTRELI_MODEL_LICENSE_FILES = LICENSE
AASTRELI_MODEL_DIR = $(@D)/$(AASTRELI_MODEL_PACKAGE)
AASTRELI_MODEL_INSTALL_DIR = $(TARGET_DIR)/usr/share/aastreli/models/$(AASTRELI_MODEL_PACKAGE)
# The flags the gateway's own `aastreli model build` uses: -O1 runs as fast as -O3
# on generated trees and compiles many times faster. -ffast-math must never be
# added: it lets the compiler drop the isnan() that marks missing values.
AASTRELI_MODEL_CFLAGS = $(TARGET_CFLAGS) -O1
# The public key whose signature (manifest.sig) the package carries.
AASTRELI_MODEL_KEY = $(BR2_EXTERNAL_AASTRELI_PATH)/../config/keys/aastreli-models.pub
# The gateway's model commands, run from the repository by the host's Python (the
# same code that builds on a device and in the balena image).
AASTRELI_MODEL_CLI = PYTHONPATH=$(BR2_EXTERNAL_AASTRELI_PATH)/.. \
	PYTHONDONTWRITEBYTECODE=1 $(HOST_DIR)/bin/python3 -m gateway.model.cli model

# The model package is the project's own work, under the repository's license:
# its text is copied beside the package's files for legal-info.
define AASTRELI_MODEL_COPY_LICENSE
	$(INSTALL) -m 0644 $(BR2_EXTERNAL_AASTRELI_PATH)/../LICENSE $(@D)/LICENSE
endef
AASTRELI_MODEL_POST_RSYNC_HOOKS += AASTRELI_MODEL_COPY_LICENSE

# The package must be signed by the key the image installs and trusts: manifest.sig
# holds the base64 Ed25519 signature of manifest.json's bytes, checked here with the
# host's OpenSSL (3.0 or later) before anything is compiled, as the gateway checks
# it at start. Then the gateway's builder checks every file of the package against
# the signed manifest's list (no link, no unlisted file such as a precompiled
# header, every checksum), copies the listed C files and headers into a private
# folder, compiles them there with the target compiler and writes the build record
# the gateway verifies at start, into lib/<machine>/ of the package.
define AASTRELI_MODEL_BUILD_CMDS
	sed -n 's/.*"signature": *"\([^"]*\)".*/\1/p' $(AASTRELI_MODEL_DIR)/manifest.sig | \
		base64 -d > $(@D)/manifest.sig.bin
	$(HOST_DIR)/bin/openssl pkeyutl -verify -pubin -inkey $(AASTRELI_MODEL_KEY) \
		-rawin -in $(AASTRELI_MODEL_DIR)/manifest.json -sigfile $(@D)/manifest.sig.bin \
		>/dev/null || \
		{ echo "$(AASTRELI_MODEL_DIR): manifest.sig: not signed by the trusted key"; exit 1; }
	$(TARGET_MAKE_ENV) CFLAGS="$(AASTRELI_MODEL_CFLAGS)" LDFLAGS="$(TARGET_LDFLAGS)" \
		$(AASTRELI_MODEL_CLI) build --force --cc "$(TARGET_CC)" $(AASTRELI_MODEL_DIR)
endef

# The package as the device holds it, written by the gateway's own export: the
# manifest, its signature, the golden file, the library and its build record; the C
# source and the model file stay behind (the gateway accepts a package without them
# and checks the library's record against the signed manifest instead). The public
# key the overlay's gateway.yaml trusts (model.trusted_keys) is installed with the
# package it verifies.
define AASTRELI_MODEL_INSTALL_TARGET_CMDS
	$(AASTRELI_MODEL_CLI) export --without-source $(AASTRELI_MODEL_DIR) \
		$(AASTRELI_MODEL_INSTALL_DIR)
	$(INSTALL) -D -m 0644 $(AASTRELI_MODEL_KEY) \
		$(TARGET_DIR)/etc/aastreli/keys/aastreli-models.pub
endef

$(eval $(generic-package))
