################################################################################
#
# python-pymodbus-pinned
#
################################################################################

PYTHON_PYMODBUS_PINNED_VERSION = 3.16.1
PYTHON_PYMODBUS_PINNED_SOURCE = pymodbus-$(PYTHON_PYMODBUS_PINNED_VERSION).tar.gz
PYTHON_PYMODBUS_PINNED_SITE = https://files.pythonhosted.org/packages/65/ca/2552fdc467e87a04654af2b6cd994a29653cf767e371792810e15f4715f6
PYTHON_PYMODBUS_PINNED_SETUP_TYPE = setuptools
PYTHON_PYMODBUS_PINNED_LICENSE = BSD-3-Clause
PYTHON_PYMODBUS_PINNED_LICENSE_FILES = LICENSE

$(eval $(python-package))
