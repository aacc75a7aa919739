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
AASTRELI_MODEL_SITE = $(BR2_EXTERNAL_AASTRELI_PATH)/../compiled_models/$(AASTRELI_MODEL_PACKAGE)
AASTRELI_MODEL_SITE_METHOD = local
AASTRELI_MODEL_OVERRIDE_SRCDIR_RSYNC_EXCLUSIONS = \
	--exclude /lib --exclude '*.o' --exclude '*.so'
AASTRELI_MODEL_LICENSE = Apache-2.0
# openssl checks the package's signature before the build.
AASTRELI_MODEL_DEPENDENCIES = host-openssl
AASTRELI_MODEL_LICENSE_FILES = LICENSE
# The gateway looks for lib/<machine>/libmodel.so, <machine> as Python's
# platform.machine() names it, which BR2_ARCH matches for aarch64 and x86_64.
AASTRELI_MODEL_MACHINE = $(call qstrip,$(BR2_ARCH))
AASTRELI_MODEL_INSTALL_DIR = $(TARGET_DIR)/usr/share/aastreli/models/$(AASTRELI_MODEL_PACKAGE)
# The flags the gateway's own `aastreli model build` uses: -O1 runs as fast as -O3
# on generated trees and compiles many times faster. -ffast-math must never be
# added: it lets the compiler drop the isnan() that marks missing values.
AASTRELI_MODEL_CFLAGS = $(TARGET_CFLAGS) -O1
# The public key whose signature (manifest.sig) the package carries.
AASTRELI_MODEL_KEY = $(BR2_EXTERNAL_AASTRELI_PATH)/../config/keys/aastreli-models.pub

# The model package is the project's own work, under the repository's license:
# its text is copied beside the package's files for legal-info.
define AASTRELI_MODEL_COPY_LICENSE
	$(INSTALL) -m 0644 $(BR2_EXTERNAL_AASTRELI_PATH)/../LICENSE $(@D)/LICENSE
endef
AASTRELI_MODEL_POST_RSYNC_HOOKS += AASTRELI_MODEL_COPY_LICENSE

# The package must be signed by the key the image installs and trusts: manifest.sig
# holds the base64 Ed25519 signature of manifest.json's bytes, checked here with the
# host's OpenSSL (3.0 or later) before anything is compiled, as the gateway checks
# it at start. The manifest holds the checksum of src/ the way it records it:
# sha256sum's listing of the source files sorted by name, hashed once more (objects
# of an earlier build left out). A build from other source than the manifest
# describes is refused.
define AASTRELI_MODEL_BUILD_CMDS
	sed -n 's/.*"signature": *"\([^"]*\)".*/\1/p' $(@D)/manifest.sig | base64 -d \
		> $(@D)/manifest.sig.bin
	$(HOST_DIR)/bin/openssl pkeyutl -verify -pubin -inkey $(AASTRELI_MODEL_KEY) \
		-rawin -in $(@D)/manifest.json -sigfile $(@D)/manifest.sig.bin >/dev/null || \
		{ echo "$(@D): manifest.sig: not signed by the trusted key"; exit 1; }
	cd $(@D)/src && sha256sum $$(ls | grep -v -E '\.(o|so)$$' | LC_ALL=C sort) | \
		sha256sum | cut -d ' ' -f 1 > $(@D)/source.sha256
	grep -q "\"sha256\": *\"$$(cat $(@D)/source.sha256)\"" $(@D)/manifest.json || \
		{ echo "$(@D): src/ does not match manifest.json"; exit 1; }
	$(TARGET_MAKE_ENV) $(MAKE) -C $(@D)/src CC="$(TARGET_CC)" \
		CFLAGS="$(AASTRELI_MODEL_CFLAGS)" LDFLAGS="$(TARGET_LDFLAGS)" \
		libmodel.so
	printf '{\n  "library": "libmodel.so",\n  "library_sha256": "%s",\n  "source_sha256": "%s",\n  "machine": "%s",\n  "builder": "buildroot"\n}\n' \
		"$$(sha256sum $(@D)/src/libmodel.so | cut -d ' ' -f 1)" \
		"$$(cat $(@D)/source.sha256)" "$(AASTRELI_MODEL_MACHINE)" \
		> $(@D)/build.json
endef

# The library, its build record, the manifest and its signature; the C source stays
# behind (the gateway accepts a package without it and checks the library's record
# against the signed manifest instead). The public key the overlay's gateway.yaml
# trusts (model.trusted_keys) is installed with the package it verifies.
define AASTRELI_MODEL_INSTALL_TARGET_CMDS
	$(INSTALL) -D -m 0644 $(@D)/manifest.json $(AASTRELI_MODEL_INSTALL_DIR)/manifest.json
	$(INSTALL) -D -m 0644 $(@D)/manifest.sig $(AASTRELI_MODEL_INSTALL_DIR)/manifest.sig
	$(INSTALL) -D -m 0644 $(@D)/golden.json $(AASTRELI_MODEL_INSTALL_DIR)/golden.json
	$(INSTALL) -D -m 0755 $(@D)/src/libmodel.so \
		$(AASTRELI_MODEL_INSTALL_DIR)/lib/$(AASTRELI_MODEL_MACHINE)/libmodel.so
	$(INSTALL) -D -m 0644 $(@D)/build.json \
		$(AASTRELI_MODEL_INSTALL_DIR)/lib/$(AASTRELI_MODEL_MACHINE)/build.json
	$(INSTALL) -D -m 0644 $(AASTRELI_MODEL_KEY) \
		$(TARGET_DIR)/etc/aastreli/keys/aastreli-models.pub
endef

$(eval $(generic-package))
