################################################################################
#
# python-apprise
#
################################################################################

PYTHON_APPRISE_VERSION = 2.3.0
PYTHON_APPRISE_SOURCE = apprise-$(PYTHON_APPRISE_VERSION).tar.gz
PYTHON_APPRISE_SITE = https://files.pythonhosted.org/packages/0e/2d/f30dc3f4cffc386344c6d0aa84068d2638badbbc503dd45b2b38b013818b
PYTHON_APPRISE_SETUP_TYPE = setuptools
PYTHON_APPRISE_LICENSE = BSD-2-Clause
PYTHON_APPRISE_LICENSE_FILES = LICENSE
PYTHON_APPRISE_DEPENDENCIES = host-python-babel

$(eval $(python-package))
