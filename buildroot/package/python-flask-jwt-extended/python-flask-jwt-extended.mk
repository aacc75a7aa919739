################################################################################
#
# python-flask-jwt-extended
#
################################################################################

PYTHON_FLASK_JWT_EXTENDED_VERSION = 4.7.4
PYTHON_FLASK_JWT_EXTENDED_SOURCE = flask_jwt_extended-$(PYTHON_FLASK_JWT_EXTENDED_VERSION).tar.gz
PYTHON_FLASK_JWT_EXTENDED_SITE = https://files.pythonhosted.org/packages/20/bf/75189cf38cd391dddeb097001be3bc9ec24a8cae5a5a3698cd0a3fcaa182
PYTHON_FLASK_JWT_EXTENDED_SETUP_TYPE = setuptools
PYTHON_FLASK_JWT_EXTENDED_LICENSE = MIT
PYTHON_FLASK_JWT_EXTENDED_LICENSE_FILES = LICENSE

$(eval $(python-package))
