"""``python -m gateway`` is the ``aastreli`` command."""

import sys

from gateway.cli import main

sys.exit(main())
