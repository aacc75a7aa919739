################################################################################
#
# python-gmqtt
#
################################################################################

PYTHON_GMQTT_VERSION = 0.8.0
PYTHON_GMQTT_SOURCE = gmqtt-$(PYTHON_GMQTT_VERSION).tar.gz
PYTHON_GMQTT_SITE = https://files.pythonhosted.org/packages/cf/12/bffb634a05bb12a9cb64fdce6e26854f11e3eff56a06c59021af52868d7f
PYTHON_GMQTT_SETUP_TYPE = setuptools
PYTHON_GMQTT_LICENSE = MIT
PYTHON_GMQTT_LICENSE_FILES = LICENSE

$(eval $(python-package))
