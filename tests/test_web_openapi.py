"""The OpenAPI document matches the routes, and a schemathesis fuzz pass finds no server error."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from waitress import create_server

from tests.support.net import free_port, wait_listening
from tests.support.web import PASSWORDS, WebEnv, bearer, web_env
from webui.api import ROUTES
from webui.views.pages import FORM_POSTS, PAGES


@pytest.fixture
def web(tmp_path: Path) -> Iterator[WebEnv]:
    # No CPU cap on the UI here: the fuzz pass is about input, and gets further in its time.
    yield from web_env(tmp_path, {"web": {"cpu_share": 1.0}})


ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def _openapi_rule(rule: str) -> str:
    return re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule)


def test_openapi_matches_the_url_map(web: WebEnv) -> None:
    doc = web.client().get("/openapi.json").json
    assert doc["openapi"].startswith("3.")
    documented = {(m.upper(), p) for p, ops in doc["paths"].items() for m in ops}
    page_endpoints = {p.endpoint for p in [*PAGES, *FORM_POSTS]}
    served = set()
    for rule in web.app.url_map.iter_rules():
        if rule.endpoint == "static" or rule.endpoint in page_endpoints:
            continue
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            served.add((method, _openapi_rule(rule.rule)))
    assert documented == served
    # Each operation names the role the server enforces, and its parameters exist in the rule.
    roles = {(s.method, _openapi_rule(s.rule)): s.role for s in ROUTES}
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            assert op["x-role"] == roles[(method.upper(), path)]
            for param in op.get("parameters", []):
                if param["in"] == "path":
                    assert "{" + param["name"] + "}" in path
    # Every $ref resolves.
    schemas = doc["components"]["schemas"]
    for ref in re.findall(
        r'"\$ref":\s*"#/components/schemas/([^"]+)"',
        web.client().get("/openapi.json").get_data(as_text=True),
    ):
        assert ref in schemas, ref


def test_openapi_describes_the_seed_bodies(web: WebEnv) -> None:
    doc = web.client().get("/openapi.json").json
    schemas = doc["components"]["schemas"]
    settings = schemas["SettingsIn"]["properties"]
    # The seed's fields, and this UI's clock and data-loss alerts beside them.
    assert set(settings) == {
        "autoRefresh",
        "refreshInterval",
        "anomalyThreshold",
        "enableNotifications",
        "faultActions",
        "timeZone",
        "timeFormat",
        "dataLossNotifications",
    }
    assert set(schemas["RegisterIn"]["required"]) == {"email", "username", "password"}
    login = doc["paths"]["/login"]["post"]
    assert login["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/LoginIn"
    }
    assert "security" not in login
    readings = {p["name"] for p in doc["paths"]["/sensor-readings"]["get"]["parameters"]}
    assert {"sensor_id", "start", "end", "limit", "offset"} <= readings


class StatusCounter:
    """WSGI middleware counting response statuses (and remembering any 500)."""

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self.app = app
        self.counts: Counter[int] = Counter()
        self.errors: list[str] = []
        self._lock = threading.Lock()

    def __call__(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        def sr(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            code = int(status.split()[0])
            with self._lock:
                self.counts[code] += 1
                if code == 500:
                    query = environ.get("QUERY_STRING", "")
                    self.errors.append(
                        f"{environ['REQUEST_METHOD']} {environ['PATH_INFO']}?{query}"
                    )
            return start_response(status, headers, exc_info)

        return self.app(environ, sr)


@pytest.fixture
def live(web: WebEnv) -> Iterator[tuple[str, StatusCounter]]:
    counter = StatusCounter(web.app.wsgi_app)
    web.app.wsgi_app = counter  # type: ignore[method-assign]
    port = free_port()
    from webui.app import server_options
    from webui.bodylimit import install

    # As the gateway serves it: waitress with the per-route body limits.
    server = create_server(
        web.app, host="127.0.0.1", port=port, threads=4, **server_options(web.facade.config.web)
    )
    install(server, web.app, web.facade.config.web)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    wait_listening(port)
    yield f"http://127.0.0.1:{port}", counter
    server.close()
    thread.join(5)


@pytest.mark.slow
def test_schemathesis_finds_no_server_error(
    web: WebEnv, live: tuple[str, StatusCounter], tmp_path: Path
) -> None:
    base, counter = live
    token = bearer(web.client(), "admin@example.com", PASSWORDS["admin"])["Authorization"]
    ARTIFACTS.mkdir(exist_ok=True)
    st = Path(sys.executable).with_name("st")
    # 503 (a gateway service that is not running here: alert delivery, model hot swap) and 504
    # are answers the API documents; what must never come is a 500, counted by the middleware.
    config = tmp_path / "schemathesis.toml"
    config.write_text(
        '[checks.not_a_server_error]\nexpected-statuses = ["2xx", "3xx", "4xx", "503", "504"]\n'
    )
    cmd = [
        str(st),
        "--config-file",
        str(config),
        "run",
        f"{base}/openapi.json",
        "--checks",
        "not_a_server_error",
        "-H",
        f"Authorization: {token}",
        # Signing out would revoke the fuzzer's own token and leave the rest at 401.
        "--exclude-path",
        "/logout",
        "--phases",
        "examples,coverage,fuzzing",
        "--max-examples",
        "12",
        "--max-time",
        "90",
        "--seed",
        "7",
        "--workers",
        "1",
        "--request-timeout",
        "30",
        "--no-color",
        "--generation-database",
        "none",
        "--report",
        "junit",
        "--report-junit-path",
        str(ARTIFACTS / "schemathesis-junit.xml"),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=400)
    (ARTIFACTS / "schemathesis.txt").write_text(proc.stdout + proc.stderr)
    (ARTIFACTS / "schemathesis-statuses.json").write_text(
        json.dumps({str(k): v for k, v in sorted(counter.counts.items())}, indent=1)
    )
    assert counter.errors == [], counter.errors
    assert "ST101" not in proc.stdout, proc.stdout[-3000:]
    assert proc.returncode == 0, proc.stdout[-3000:]
    # The pass reached the handlers: plenty of accepted requests and field errors, few 401s.
    assert counter.counts[200] > 300 and counter.counts[422] > 300, counter.counts
    assert counter.counts[401] < sum(counter.counts.values()) / 5, counter.counts
    assert web.client().get("/me", headers={"Authorization": token}).status_code == 200
