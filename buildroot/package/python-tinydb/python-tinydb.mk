################################################################################
#
# python-tinydb
#
################################################################################

PYTHON_TINYDB_VERSION = 4.9.0
PYTHON_TINYDB_SOURCE = tinydb-$(PYTHON_TINYDB_VERSION).tar.gz
PYTHON_TINYDB_SITE = https://files.pythonhosted.org/packages/01/e9/d30dd8b1b88a75ec3e464eb81feee514ccf97f50bd306d198959e6733210
PYTHON_TINYDB_SETUP_TYPE = hatch
PYTHON_TINYDB_LICENSE = MIT
PYTHON_TINYDB_LICENSE_FILES = LICENSE

$(eval $(python-package))
