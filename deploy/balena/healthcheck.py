#!/usr/local/bin/python3
"""Container healthcheck: exit 0 when the gateway's GET /healthz answers 200, else 1.

The slim image has no curl; the standard library is enough. The port follows the
AASTRELI_WEB__PORT override, as the gateway itself does.
"""

import os
import sys
import urllib.error
import urllib.request

port = os.environ.get("AASTRELI_WEB__PORT", "8080")
url = f"http://127.0.0.1:{port}/healthz"
try:
    with urllib.request.urlopen(url, timeout=4) as resp:
        sys.exit(0 if resp.status == 200 else 1)
except urllib.error.HTTPError as err:  # 503: the gateway says it is unhealthy
    print(f"{url}: HTTP {err.code}", file=sys.stderr)
except (urllib.error.URLError, OSError) as err:
    print(f"{url}: {err}", file=sys.stderr)
sys.exit(1)
