################################################################################
#
# python-protobuf-pinned
#
################################################################################

PYTHON_PROTOBUF_PINNED_VERSION = 7.36.2
PYTHON_PROTOBUF_PINNED_SOURCE = protobuf-$(PYTHON_PROTOBUF_PINNED_VERSION).tar.gz
PYTHON_PROTOBUF_PINNED_SITE = https://files.pythonhosted.org/packages/d9/89/5b8517baa72f84a67b8a307ba953c91057af618bf40bf676f3c03551f8f0
PYTHON_PROTOBUF_PINNED_SETUP_TYPE = setuptools
PYTHON_PROTOBUF_PINNED_LICENSE = BSD-3-Clause
PYTHON_PROTOBUF_PINNED_LICENSE_FILES = LICENSE

$(eval $(python-package))
