################################################################################
#
# python-asyncua
#
################################################################################

PYTHON_ASYNCUA_VERSION = 2.1.0
PYTHON_ASYNCUA_SOURCE = asyncua-$(PYTHON_ASYNCUA_VERSION).tar.gz
PYTHON_ASYNCUA_SITE = https://files.pythonhosted.org/packages/c6/90/13c47fa62aa83f2ed98a931aa3a7bcc77a3e7163400eb9f2d9e1d3c9df07
PYTHON_ASYNCUA_SETUP_TYPE = hatch
PYTHON_ASYNCUA_LICENSE = LGPL-3.0+
PYTHON_ASYNCUA_LICENSE_FILES = COPYING

$(eval $(python-package))
