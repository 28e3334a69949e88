"""``python -m sendcloud_integrations``: the same as the ``sendcloud-integrations`` command."""

import sys

from ._cli import main

sys.exit(main())
