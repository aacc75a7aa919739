"""The deploy artefacts: balena fleet, Buildroot tree, systemd unit, and their checks.

Each check of ``tools/check_deploy.sh`` is one test; a check skips (exit 77) only when
its tool cannot be had here, and says why. The checkers themselves are shown to catch
the mistakes they exist for, on broken copies of the real files.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from gateway.config import GatewayConfig, load_config

TOP = Path(__file__).resolve().parent.parent
CHECK = TOP / "tools" / "check_deploy.sh"
UNIT = TOP / "deploy" / "systemd" / "aastreli.service"
CONFIGS = [
    TOP / "deploy" / "balena" / "gateway.yaml",
    TOP / "deploy" / "systemd" / "gateway.yaml",
    TOP
    / "buildroot"
    / "board"
    / "aastreli"
    / "common"
    / "rootfs-overlay"
    / "etc"
    / "aastreli"
    / "gateway.yaml",
]


def run_check(name: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "PYTHON": sys.executable, **env}
    proc = subprocess.run(
        [str(CHECK), name], capture_output=True, text=True, env=environ, timeout=600
    )
    if proc.returncode == 77:
        pytest.skip(proc.stderr.strip().splitlines()[-1])
    return proc


@pytest.mark.parametrize(
    "name",
    [
        "hadolint",
        "compose",
        "balena-compose",
        "balena-yml",
        "yamllint",
        "buildroot",
        "shellcheck",
        "systemd",
        pytest.param("model", marks=pytest.mark.cross),
    ],
)
def test_deploy_check(name: str) -> None:
    proc = run_check(name)
    assert proc.returncode == 0, f"{name}:\n{proc.stdout}\n{proc.stderr}"


# ---- balena ---------------------------------------------------------------------------

GOOD_SERVICE = "version: '2.4'\nservices:\n  gateway:\n    image: python:3.11-slim-bookworm\n"


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("    environment:\n      PORT: ${PORT}\n", "interpolation"),
        ("    env_file: gateway.env\n", "env_file is not supported"),
        ("    container_name: gateway\n", "container_name is not supported"),
        ("    volumes:\n      - /etc/aastreli:/etc/aastreli\n", "Bind mounts are not allowed"),
        ("    volumes:\n      - undeclared:/data\n", "Missing volume definition"),
    ],
)
def test_balena_rules_refuse(tmp_path: Path, extra: str, expected: str) -> None:
    bad = tmp_path / "docker-compose.yml"
    bad.write_text(GOOD_SERVICE + extra)
    proc = run_check("balena-compose", BALENA_COMPOSE_FILE=str(bad))
    assert proc.returncode == 1
    assert expected in proc.stderr


def test_balena_rules_refuse_compose_v3(tmp_path: Path) -> None:
    bad = tmp_path / "docker-compose.yml"
    bad.write_text(GOOD_SERVICE.replace("'2.4'", "'3.8'"))
    proc = run_check("balena-compose", BALENA_COMPOSE_FILE=str(bad))
    assert proc.returncode == 1
    assert "Unsupported composition version" in proc.stderr


def test_stage_makes_a_balena_project(tmp_path: Path) -> None:
    if shutil.which("git") is None or not (TOP / ".git").exists():
        pytest.skip("staging lists files with git: no git checkout here")
    out = tmp_path / "project"
    subprocess.run(
        [str(TOP / "deploy/balena/stage.sh"), str(out)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert (out / "docker-compose.yml").read_bytes() == (
        TOP / "deploy/balena/docker-compose.yml"
    ).read_bytes()
    assert (out / "balena.yml").is_file()
    assert (out / "pyproject.toml").is_file() and (out / "gateway" / "cli.py").is_file()
    for absent in (".venv", ".cache", ".git"):
        assert not (out / absent).exists(), absent
    assert not list(out.glob("compiled_models/*/lib/*/libmodel.so"))
    assert os.access(out / "deploy/balena/entry.sh", os.X_OK)
    # Every file the Dockerfile copies from the build context is in the project (the
    # model package once the repository has one: the image build compiles it).
    has_model = (TOP / "compiled_models/pump_motor/manifest.json").is_file()
    for line in (TOP / "deploy/balena/Dockerfile").read_text().splitlines():
        m = re.match(r"^COPY (?!--from)(.+)$", line.strip())
        if m:
            for src in m.group(1).split()[:-1]:
                if src == "compiled_models" and not has_model:
                    continue
                assert (out / src).exists(), f"Dockerfile copies {src}, not in the project"
    if has_model:
        assert (out / "compiled_models/pump_motor/src/Makefile").is_file()


class _Health(BaseHTTPRequestHandler):
    status = 200

    def do_GET(self) -> None:
        code = 200 if self.path == "/healthz" and type(self).status == 200 else 503
        if self.path != "/healthz":
            code = 404
        self.send_response(code)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def health_server() -> Iterator[tuple[ThreadingHTTPServer, type[_Health]]]:
    handler = type("Health", (_Health,), {"status": 200})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, handler
    server.shutdown()
    server.server_close()


def _healthcheck(port: int) -> int:
    env = {**os.environ, "AASTRELI_WEB__PORT": str(port)}
    script = TOP / "deploy/balena/healthcheck.py"
    return subprocess.run(
        [sys.executable, str(script)], env=env, capture_output=True, timeout=30
    ).returncode


def test_container_healthcheck_follows_healthz(
    health_server: tuple[ThreadingHTTPServer, type[_Health]],
) -> None:
    server, handler = health_server
    port = server.server_address[1]
    assert _healthcheck(port) == 0
    handler.status = 503
    assert _healthcheck(port) == 1
    server.shutdown()
    server.server_close()
    assert _healthcheck(port) == 1  # nothing listens


# ---- configs and documentation --------------------------------------------------------


@pytest.mark.parametrize("path", CONFIGS, ids=lambda p: str(p.relative_to(TOP)))
def test_shipped_configs_validate(path: Path) -> None:
    config = load_config(path, environ={})
    assert config.model.fallback == "refuse"  # no Treelite on a device image
    assert config.web.port == 8080


def _config_variables(model: type[BaseModel], prefix: list[str]) -> Iterator[str]:
    for name, field in model.model_fields.items():
        ann = field.annotation
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            yield from _config_variables(ann, [*prefix, name])
        elif prefix:
            yield "AASTRELI_" + "__".join(p.upper() for p in [*prefix, name])


def test_every_variable_is_documented() -> None:
    doc = (TOP / "docs/environment.md").read_text()
    names = [
        *_config_variables(GatewayConfig, []),
        "AASTRELI_CONFIG",
        "SMTP_HOST",
        "SMTP_PORT",
        "SMTP_USERNAME",
        "SMTP_PASSWORD",
        "SMTP_FROM_EMAIL",
        "TWILIO_ACCOUNT_SID",
        "TWILIO_AUTH_TOKEN",
        "TWILIO_FROM_PHONE",
        "JWT_SECRET_KEY",
        "UDEV",
    ]
    missing = [n for n in names if f"`{n}`" not in doc]
    assert not missing, f"document these in docs/environment.md: {missing}"


# ---- systemd --------------------------------------------------------------------------


def _unit() -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for line in UNIT.read_text().splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, _, value = line.partition("=")
            values.setdefault(key.strip(), []).append(value.strip())
    return values


def test_unit_runs_a_notify_service_with_a_watchdog() -> None:
    unit = _unit()
    assert unit["Type"] == ["notify"]
    assert unit["NotifyAccess"] == ["main"]
    assert int(unit["WatchdogSec"][0]) > 0
    assert unit["Restart"] == ["on-failure"]
    assert unit["ExecStart"][0].endswith("aastreli run --config /etc/aastreli/gateway.yaml")


def test_unit_is_hardened_and_unprivileged() -> None:
    unit = _unit()
    assert unit["User"] == ["aastreli"] and "dialout" in unit["SupplementaryGroups"]
    assert unit["NoNewPrivileges"] == ["yes"]
    assert unit["ProtectSystem"] == ["strict"]
    assert unit["CapabilityBoundingSet"] == [""]
    assert unit["DevicePolicy"] == ["closed"]
    # The state folder the unit makes writable is the one the configs use.
    assert unit["StateDirectory"] == ["aastreli"]
    assert "AASTRELI_GATEWAY__DATA_DIR=/var/lib/aastreli" in unit["Environment"]
    assert load_config(CONFIGS[1], environ={}).gateway.data_dir == "/var/lib/aastreli"


# ---- the Buildroot checker catches what it is for -------------------------------------


def _checker(tree: Path) -> list[str]:
    sys.path.insert(0, str(TOP / "tools"))
    try:
        import check_buildroot
    finally:
        sys.path.pop(0)
    return check_buildroot.check_tree(tree)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    copy = tmp_path / "buildroot"
    shutil.copytree(TOP / "buildroot", copy)
    # The gateway's local site is the tree's parent: its license file goes along.
    shutil.copy(TOP / "LICENSE", tmp_path / "LICENSE")
    return copy


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def test_real_tree_is_clean(tree: Path) -> None:
    assert _checker(tree) == []


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        ("external.desc", "name: AASTRELI", "name: AAS-TRELI", "only ASCII letters"),
        (
            "Config.in",
            'source "$BR2_EXTERNAL_AASTRELI_PATH/package/python-gmqtt/Config.in"\n',
            "",
            "package python-gmqtt is not sourced",
        ),
        (
            "package/aastreli-model/aastreli-model.mk",
            "\t$(INSTALL) -D -m 0644 $(AASTRELI_MODEL_KEY) \\\n",
            "\t$(INSTALL) -D -m 0644 $(AASTRELI_MODEL_DIR)/manifest.json \\\n"
            "\t\t$(AASTRELI_MODEL_INSTALL_DIR)/manifest.json\n"
            "\t$(INSTALL) -D -m 0644 $(AASTRELI_MODEL_KEY) \\\n",
            "installs a model package's manifest.json by hand",
        ),
        (
            "package/python-gmqtt/python-gmqtt.mk",
            "PYTHON_GMQTT_LICENSE =",
            "GMQTT_LICENSE =",
            "not prefixed by PYTHON_GMQTT_",
        ),
        (
            "package/aastreli/aastreli.mk",
            "\t$(INSTALL) -D -m 0755",
            "    $(INSTALL) -D -m 0755",
            "expected indent with tabs",
        ),
        (
            "package/python-tinydb/python-tinydb.hash",
            "sha256  ",
            "sha256 ",
            "separate the fields with two spaces",
        ),
        (
            "package/python-tinydb/python-tinydb.hash",
            "md5  ",
            "sha1  ",
            "hash size does not match type",
        ),
        (
            "package/aastreli/S95aastreli",
            'DAEMON="aastreli"',
            'DAEMON="aastreli-gw"',
            "S<number><number>aastreli-gw",
        ),
        (
            "package/aastreli/S95aastreli",
            'PIDFILE="/var/run/$DAEMON.pid"',
            'PIDFILE="/tmp/gw.pid"',
            "incorrect PIDFILE",
        ),
        (
            "package/python-asyncua/Config.in",
            "\tselect BR2_PACKAGE_PYTHON_ANYIO",
            "  select BR2_PACKAGE_PYTHON_ANYIO",
            "should be indented with one tab",
        ),
        (
            "package/python-asyncua/Config.in",
            "\t  at the version",
            "\t  at the version the Aastreli gateway is tested with and much more text",
            "help text",
        ),
        (
            "configs/aastreli_pc_x86_64_defconfig",
            "BR2_DOWNLOAD_FORCE_CHECK_HASHES=y\n",
            "",
            "missing BR2_DOWNLOAD_FORCE_CHECK_HASHES",
        ),
        (
            "configs/aastreli_pc_x86_64_defconfig",
            "pc-x86-64/post-image.sh",
            "pc/post-image.sh",
            "not in this tree",
        ),
        # Issue #12: what a real Buildroot 2026.05 build ran into.
        (
            "package/python-gmqtt/Config.in",
            "\tdepends on BR2_PACKAGE_PYTHON3\n",
            "",
            "needs 'depends on BR2_PACKAGE_PYTHON3'",
        ),
        (
            "package/python-asyncua/Config.in",
            "\tdepends on BR2_PACKAGE_PYTHON3\n",
            "\tdepends on !BR2_PACKAGE_PYTHON3\n",
            "needs 'depends on BR2_PACKAGE_PYTHON3'",
        ),
        (
            "package/aastreli/aastreli.mk",
            "--exclude /data",
            "--exclude data",
            "rsync exclusion 'data' is not anchored",
        ),
        (
            "package/aastreli-model/aastreli-model.mk",
            "--exclude '/*/lib'",
            "--exclude=lib",
            "rsync exclusion 'lib' is not anchored",
        ),
        (
            "package/aastreli-model/aastreli-model.mk",
            "AASTRELI_MODEL_VERSION = $(shell",
            "AASTRELI_MODEL_VERSION = $(AASTRELI_VERSION)\nAASTRELI_MODEL_UNUSED = $(shell",
            "uses $(AASTRELI_VERSION), which aastreli.mk defines but is included after",
        ),
        (
            "package/aastreli/aastreli.mk",
            "AASTRELI_LICENSE_FILES = LICENSE\n",
            "",
            "AASTRELI_LICENSE_FILES is not set",
        ),
    ],
)
def test_checker_finds(tree: Path, file: str, old: str, new: str, expected: str) -> None:
    _edit(tree / file, old, new)
    problems = _checker(tree)
    assert any(expected in p for p in problems), problems


def test_checker_finds_a_missing_license_hash(tree: Path) -> None:
    hashes = tree / "package/python-gmqtt/python-gmqtt.hash"
    kept = [line for line in hashes.read_text().splitlines(True) if "LICENSE" not in line]
    hashes.write_text("".join(kept))
    assert any("no sha256 for LICENSE" in p for p in _checker(tree))


def test_checker_finds_a_license_file_the_source_lacks(tree: Path) -> None:
    (tree.parent / "LICENSE").unlink()
    assert any("AASTRELI_LICENSE_FILES names LICENSE" in p for p in _checker(tree))


def test_checker_reads_the_exclusions_rsync_gets() -> None:
    sys.path.insert(0, str(TOP / "tools"))
    try:
        import check_buildroot
    finally:
        sys.path.pop(0)
    mk = TOP / "buildroot/package/aastreli/aastreli.mk"
    got = check_buildroot.rsync_exclusions(mk, "AASTRELI_OVERRIDE_SRCDIR_RSYNC_EXCLUSIONS")
    assert "/data" in got and "/*.egg-info" in got and "__pycache__" in got


def test_license_file_is_the_one_pyproject_names() -> None:
    import tomllib

    license_id = tomllib.loads((TOP / "pyproject.toml").read_text())["project"]["license"]
    assert license_id == "Apache-2.0"
    text = (TOP / "LICENSE").read_text()
    assert "Apache License" in text and "Version 2.0, January 2004" in text
    for mk in ("aastreli/aastreli.mk", "aastreli-model/aastreli-model.mk"):
        assert f"_LICENSE = {license_id}\n" in (TOP / "buildroot/package" / mk).read_text()


def test_checker_finds_an_executable_init_script(tree: Path) -> None:
    (tree / "package/aastreli/S95aastreli").chmod(0o755)
    assert any("not executable in the tree" in p for p in _checker(tree))


# ---- the Buildroot model package builds what the gateway's runtime accepts -----------


def _buildroot_model_steps(
    build: Path, steps: tuple[str, ...], *extra: str
) -> subprocess.CompletedProcess[str]:
    """aastreli-model.mk's BUILD/INSTALL_TARGET commands run natively by make, with
    Buildroot's HOST_DIR standing for the host's openssl and Python."""
    host = build.parent / "host"
    (host / "bin").mkdir(parents=True, exist_ok=True)
    for name, program in (("openssl", shutil.which("openssl")), ("python3", sys.executable)):
        link = host / "bin" / name
        if not link.exists():
            link.symlink_to(str(program))
    mk = TOP / "buildroot/package/aastreli-model/aastreli-model.mk"
    proc = subprocess.CompletedProcess[str]([], 0, "", "")
    for step in steps:
        stamp = build / f".stamp_{step.lower()}"
        proc = subprocess.run(
            [
                "make", "--no-print-directory", "-s", "-f", str(mk),
                "--eval", "qstrip = $(strip $(subst \",,$(1)))",
                "--eval", f"{stamp}: ; $(AASTRELI_MODEL_{step}_CMDS)",
                'BR2_PACKAGE_AASTRELI_MODEL_NAME="pump_motor"', f"HOST_DIR={host}",
                f"BR2_EXTERNAL_AASTRELI_PATH={TOP / 'buildroot'}", *extra, str(stamp),
            ],
            capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        if proc.returncode != 0:
            return proc
    return proc


def _buildroot_site(base: Path, change: Any = None) -> Path:
    """The build directory as Buildroot's rsync makes it: compiled_models/ without lib/."""
    build = base / "build"
    shutil.copytree(
        TOP / "compiled_models", build, ignore=shutil.ignore_patterns("lib", ".*", "*.o", "*.so")
    )
    if change is not None:
        change(build / "pump_motor")
    return build


def test_buildroot_model_recipe_gives_a_library_the_runtime_loads(tmp_path: Path) -> None:
    """Run aastreli-model.mk's build and install commands natively, then load the result.

    The same commands the cross build uses, with this machine's compiler, so that the
    installed package (manifest, library, build record; no source) goes through the
    gateway's own checks and predicts the golden rows.
    """
    package = TOP / "compiled_models/pump_motor"
    if not (package / "manifest.json").is_file():
        pytest.skip("no model package in compiled_models/ yet")
    if shutil.which("make") is None or shutil.which("cc") is None or not shutil.which("openssl"):
        pytest.skip("make, a C compiler and openssl are needed")
    from gateway.features import PLANT_FEATURES
    from gateway.model.package import verify_golden
    from gateway.model.runtime import load_model

    build = _buildroot_site(tmp_path)
    target = tmp_path / "target"
    proc = _buildroot_model_steps(
        build, ("BUILD", "INSTALL_TARGET"),
        "TARGET_CC=cc", "TARGET_CFLAGS=-O2", "TARGET_LDFLAGS=", "TARGET_MAKE_ENV=",
        "INSTALL=install", f"TARGET_DIR={target}",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    installed = target / "usr/share/aastreli/models/pump_motor"
    assert not (installed / "src").exists()
    assert (installed / "manifest.sig").read_bytes() == (package / "manifest.sig").read_bytes()
    key = target / "etc/aastreli/keys/aastreli-models.pub"
    assert key.read_bytes() == (TOP / "config/keys/aastreli-models.pub").read_bytes()
    model = load_model(installed, feature_names=PLANT_FEATURES, fallback="refuse")
    assert model.backend != "gtil"
    assert verify_golden(model, installed) <= 1e-5
    record = json.loads(next(installed.glob("lib/*/build.json")).read_text())
    assert record["builder"].startswith("aastreli ") and "-O1" in record["cflags"]
    # The contributions' C is built by the same recipe: the golden contributions hold.
    from gateway.model.explain import verify_contributions

    assert (verify_contributions(model, installed) or 1.0) <= 1e-5


def test_buildroot_model_recipe_refuses_a_package_its_key_did_not_sign(tmp_path: Path) -> None:
    """The build checks manifest.sig with the host's openssl before compiling anything."""
    package = TOP / "compiled_models/pump_motor"
    if not (package / "manifest.sig").is_file() or not shutil.which("openssl"):
        pytest.skip("no signed model package, or no openssl")

    def edit(pkg: Path) -> None:
        manifest = pkg / "manifest.json"
        manifest.write_text(manifest.read_text().replace('"tolerance"', '"tolerance" ', 1))

    proc = _buildroot_model_steps(_buildroot_site(tmp_path, edit), ("BUILD",), "TARGET_CC=false")
    assert proc.returncode != 0
    assert "manifest.sig: not signed by the trusted key" in proc.stdout + proc.stderr


def test_buildroot_model_recipe_refuses_a_file_the_manifest_does_not_list(tmp_path: Path) -> None:
    """A precompiled header beside the signed header.h stops the image build."""
    if not shutil.which("openssl") or shutil.which("cc") is None:
        pytest.skip("openssl and a C compiler are needed")

    def plant(pkg: Path) -> None:
        (pkg / "src" / "header.h.gch").write_bytes(b"gpch")

    proc = _buildroot_model_steps(
        _buildroot_site(tmp_path, plant), ("BUILD",), "TARGET_CC=cc", "TARGET_MAKE_ENV="
    )
    assert proc.returncode != 0
    assert "src/header.h.gch: a file the signed manifest does not list" in proc.stderr


def test_the_firmware_selects_every_runtime_dependency() -> None:
    """A dependency added to pyproject.toml must reach the Buildroot image too: the
    gateway package selects a Buildroot package for each one (named after it, save
    pymodbus and protobuf, which this tree pins in packages of its own)."""
    import tomllib

    deps = tomllib.loads((TOP / "pyproject.toml").read_text())["project"]["dependencies"]
    names = {re.split(r"[\[<>=!~; ]", d, maxsplit=1)[0].lower() for d in deps}
    selects = set(
        re.findall(
            r"select BR2_PACKAGE_PYTHON_(\w+)",
            (TOP / "buildroot" / "package" / "aastreli" / "Config.in").read_text(),
        )
    )
    symbol = {"pymodbus": "PYMODBUS_PINNED", "protobuf": "PROTOBUF_PINNED"}
    missing = [
        n for n in sorted(names) if symbol.get(n, n.upper().replace("-", "_")) not in selects
    ]
    assert len(names) >= 10 and missing == []


def test_balena_trusts_its_public_url_proxy() -> None:
    """Issue #20, 7: without trusted_proxy, every user of balena's public device URL
    shared the VPN's one address: one attacker's failures throttled everyone."""
    import io

    from gateway.config import load_config

    web = load_config(str(TOP / "deploy/balena/gateway.yaml")).web
    assert web.trusted_proxy, "the balena config trusts no proxy"
    from webui.app import served

    seen: list[str] = []

    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        seen.append(environ["REMOTE_ADDR"])
        start_response("200 OK", [])
        return [b""]

    wsgi = served(app, web)  # type: ignore[arg-type]  # any WSGI callable will do here
    for peer, forwarded in [
        ("10.240.0.1", "203.0.113.7"),  # balena's VPN (10.240.0.0/12)
        ("100.64.0.1", "203.0.113.8"),  # balena's VPN (100.64.0.0/10)
        ("192.168.1.50", "203.0.113.9"),  # a LAN client claiming another address
    ]:
        environ = {"REMOTE_ADDR": peer, "HTTP_X_FORWARDED_FOR": forwarded}
        wsgi({**environ, "wsgi.input": io.BytesIO(b"")}, lambda *a: None)
    assert seen == ["203.0.113.7", "203.0.113.8", "192.168.1.50"]
