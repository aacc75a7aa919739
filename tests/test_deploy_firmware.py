"""The gateway as the firmware and the balena image install it, and the firmware's init
script under BusyBox's start-stop-daemon.

Issue #12: a real Buildroot build dropped ``webui/data`` (an unanchored rsync
exclusion), so the installed gateway could not create its first account, and the init
script started a second gateway on a second ``start``. The tests here build the package
the way each target does, from the files each target copies, install the result into a
fresh virtual environment (no editable install, no source tree on the path) and run the
installed program from an empty folder.

Dependencies come from PyPI at the versions of ``constraints.txt`` (pip's cache makes
a second run fast); the gateway itself only from the wheel built here.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TOP / "tools"))
try:
    import check_buildroot
finally:
    sys.path.pop(0)

MK = TOP / "buildroot/package/aastreli/aastreli.mk"
# Buildroot's RSYNC_VCS_EXCLUSIONS (package/pkg-utils.mk), added to every local rsync.
RSYNC_VCS_EXCLUSIONS = ["--exclude", ".svn", "--exclude", ".git", "--exclude", ".hg"]
RSYNC_VCS_EXCLUSIONS += ["--exclude", ".bzr", "--exclude", "CVS"]
FIRMWARE_CONFIG = TOP / "buildroot/board/aastreli/common/rootfs-overlay/etc/aastreli/gateway.yaml"
BALENA_CONFIG = TOP / "deploy/balena/gateway.yaml"
INIT_SCRIPT = TOP / "buildroot/package/aastreli/S95aastreli"
ADMIN_PASSWORD = "Pump-house 3, night shift!"
# The firmware's dependency versions: constraints.txt's, or Buildroot's own when
# tools/py314.sh --buildroot runs this file (tools/buildroot_versions.py constraints).
FIRMWARE_CONSTRAINTS = Path(os.environ.get("FIRMWARE_CONSTRAINTS_FILE", TOP / "constraints.txt"))


def until(cond: object, timeout: float) -> None:
    """Poll ``cond()`` until true; fail after ``timeout`` seconds (no event loop here)."""
    deadline = time.monotonic() + timeout
    while not cond():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"not within {timeout:g} s: {cond}"
        time.sleep(0.1)


def _run(cmd: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kw)  # type: ignore[call-overload, no-any-return]


def _fresh_venv(where: Path) -> Path:
    """A virtual environment of this interpreter with pip and nothing else."""
    proc = _run([sys.executable, "-m", "venv", str(where)])
    assert proc.returncode == 0, proc.stderr
    return where / "bin"


def _pip_install(bin_dir: Path, *args: str, constraints: Path = TOP / "constraints.txt") -> None:
    proc = _run(
        [str(bin_dir / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check",
         "-c", str(constraints), *args],
    )  # fmt: skip
    if proc.returncode != 0 and "No matching distribution" in proc.stderr:
        pytest.skip(f"cannot install the dependencies from PyPI here: {proc.stderr[-300:]}")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _site_packages(bin_dir: Path) -> Path:
    out = _run(
        [str(bin_dir / "python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]
    )
    return Path(out.stdout.strip())


def _size_mb(paths: list[Path]) -> float:
    total = 0
    for path in paths:
        for f in [path] if path.is_file() else path.rglob("*"):
            if f.is_file() and not f.is_symlink():
                total += f.stat().st_size
    return total / 1e6


class Installed:
    """The gateway installed in a fresh venv, run from an empty folder."""

    def __init__(self, bin_dir: Path, work: Path) -> None:
        self.bin = bin_dir
        self.work = work
        self.work.mkdir(parents=True, exist_ok=True)

    def aastreli(
        self, *args: str, stdin: str = "", cwd: Path | None = None, **env: str
    ) -> subprocess.CompletedProcess[str]:
        # Nothing of the source tree on the path: the run sees only what was installed.
        environ = {k: v for k, v in os.environ.items() if not k.startswith(("AASTRELI_", "PYTHON"))}
        environ.update(env)
        return _run(
            [str(self.bin / "aastreli"), *args], input=stdin, cwd=cwd or self.work, env=environ
        )


def _check_installed(inst: Installed, config: Path) -> None:
    # The package comes from the venv, not from a source tree.
    code = "import gateway, webui; print(gateway.__file__, webui.__file__)"
    where = _run([str(inst.bin / "python"), "-c", code], cwd=inst.work)
    assert where.returncode == 0, where.stderr
    assert str(TOP) not in where.stdout and "site-packages" in where.stdout, where.stdout

    proc = inst.aastreli("config", "check", str(config))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert ": ok" in proc.stdout

    data = inst.work / "data"
    env = {"AASTRELI_GATEWAY__DATA_DIR": str(data)}
    # A password from the shipped list of common ones is refused: the list is there.
    common = inst.aastreli(
        "user", "add", "--config", str(config), "--email", "admin@example.com",
        "--role", "admin", "--password-stdin", stdin="password123\n", **env,
    )  # fmt: skip
    assert common.returncode != 0 and "Traceback" not in common.stderr, common.stderr
    assert "common" in common.stderr.lower(), common.stderr
    first = inst.aastreli(
        "user", "add", "--config", str(config), "--email", "admin@example.com",
        "--role", "admin", "--password-stdin", stdin=ADMIN_PASSWORD + "\n", **env,
    )  # fmt: skip
    assert first.returncode == 0, first.stdout + first.stderr
    assert "created admin admin@example.com" in first.stdout
    listed = inst.aastreli("user", "list", "--config", str(config), **env)
    assert listed.returncode == 0 and "admin@example.com" in listed.stdout, listed.stderr


# ---- the firmware: Buildroot's rsync of the local source, its wheel -------------------


@pytest.fixture(scope="module")
def firmware_install(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Installed, Path]]:
    if shutil.which("rsync") is None:
        pytest.skip("rsync is not installed (Debian: rsync)")
    base = tmp_path_factory.mktemp("firmware")
    build_dir = base / "build" / "aastreli-local"
    build_dir.parent.mkdir()  # Buildroot's output/build; rsync makes the package's folder
    exclusions = check_buildroot.rsync_exclusions(MK, "AASTRELI_OVERRIDE_SRCDIR_RSYNC_EXCLUSIONS")
    assert exclusions, "no AASTRELI_OVERRIDE_SRCDIR_RSYNC_EXCLUSIONS in aastreli.mk"
    # The command of Buildroot's local site method (pkg-generic.mk), the same options.
    args = [a for pattern in exclusions for a in ("--exclude", pattern)]
    proc = _run(
        [
            "rsync",
            "-au",
            "--chmod=u=rwX,go=rX",
            *args,
            *RSYNC_VCS_EXCLUSIONS,
            f"{TOP}/",
            str(build_dir),
        ]
    )
    assert proc.returncode == 0, proc.stderr
    # Buildroot's setuptools packages build a wheel from that copy (PEP 517, no build
    # isolation: the host's setuptools) and install it into the target.
    dist = base / "dist"
    proc = _run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
         "--disable-pip-version-check", "-w", str(dist), str(build_dir)],
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (wheel,) = dist.glob("aastreli_gateway-*.whl")
    bin_dir = _fresh_venv(base / "venv")
    _pip_install(bin_dir, str(wheel), constraints=FIRMWARE_CONSTRAINTS)
    yield Installed(bin_dir, base / "cwd"), wheel


def test_firmware_copy_keeps_package_data_and_drops_the_checkout_clutter(
    firmware_install: tuple[Installed, Path],
) -> None:
    _, wheel = firmware_install
    copy = wheel.parent.parent / "build" / "aastreli-local"
    assert (copy / "webui/data/common-passwords.txt").is_file()
    assert (copy / "LICENSE").is_file() and (copy / "deploy/systemd/aastreli.service").is_file()
    for gone in (".venv", "tests", "bench", "buildroot", "compiled_models", ".git"):
        assert not (copy / gone).exists(), gone
    names = zipfile.ZipFile(wheel).namelist()
    assert "webui/data/common-passwords.txt" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names), names[-10:]
    assert any(n.startswith("webui/templates/") for n in names)


def test_firmware_gateway_creates_its_first_account(
    firmware_install: tuple[Installed, Path],
) -> None:
    inst, _ = firmware_install
    _check_installed(inst, FIRMWARE_CONFIG)


def test_firmware_install_has_buildroots_versions(
    firmware_install: tuple[Installed, Path],
) -> None:
    # Under tools/py314.sh --buildroot: the wheel's whole dependency closure, as pip
    # resolved it, is on the firmware at Buildroot's versions (or our tree's overrides).
    if "FIRMWARE_CONSTRAINTS_FILE" not in os.environ:
        pytest.skip(
            "constraints.txt's versions here; tools/py314.sh --buildroot checks Buildroot's"
        )
    inst, _ = firmware_install
    proc = _run([str(inst.bin / "python"), str(TOP / "tools/buildroot_versions.py"), "check"])
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_installed_footprint(firmware_install: tuple[Installed, Path]) -> None:
    """The gateway's own files and the whole environment, as a record for the docs."""
    inst, _ = firmware_install
    site = _site_packages(inst.bin)
    own = [site / "gateway", site / "webui"]
    deps = [
        p
        for p in site.iterdir()
        if not p.name.startswith(("pip", "_distutils", "distutils-precedence"))
    ]
    own_mb, all_mb = _size_mb(own), _size_mb(deps)
    print(f"installed gateway: {own_mb:.1f} MB; with its dependencies: {all_mb:.1f} MB")
    assert own_mb < 20 and all_mb < 250


# ---- the signed model package as each image lays it out --------------------------------


def _device_config(config: Path, root: Path, out: Path) -> Path:
    """The deploy config with its model paths (absolute paths on the device) moved under
    ``root``, the folder standing for the image's root file system here."""
    import yaml

    model = yaml.safe_load(config.read_text())["model"]
    paths = [model["package"], *model["trusted_keys"]]
    assert model["trusted_keys"], f"{config}: the image must trust a key"
    text = config.read_text()
    for path in paths:
        assert path.startswith("/"), f"{config}: {path} is not a device path"
        assert (root / path.lstrip("/")).exists(), f"the image has no {path}"
        text = text.replace(path, str(root / path.lstrip("/")))
    out.write_text(text)
    return out


def _check_signed_model(inst: Installed, config: Path, root: Path) -> None:
    """The installed gateway accepts the image's package with the image's key and config,
    the way it loads it at start; a changed or unsigned copy is refused."""
    import yaml

    package = root / yaml.safe_load(config.read_text())["model"]["package"].lstrip("/")
    assert not (package / "src").exists()  # the source stays behind
    cfg = _device_config(config, root, inst.work / f"device-{config.parent.name}.yaml")
    env = {"AASTRELI_GATEWAY__DATA_DIR": str(inst.work / "data-model")}

    proc = inst.aastreli("config", "check", str(config))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = inst.aastreli("model", "verify", "--config", str(cfg), str(package))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "signed by trusted key" in proc.stdout and "built from that source" in proc.stdout
    # Signature, manifest, library record and golden rows: what start and activation check.
    proc = inst.aastreli(
        "model", "activate", "--no-build", "--fallback", "refuse", "--config", str(cfg),
        str(package), **env,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "verified against its golden file" in proc.stdout

    def tampered(name: str, change: object) -> Path:
        copy = inst.work / f"tampered-{config.parent.name}-{name}"
        shutil.copytree(package, copy)
        change(copy)  # type: ignore[operator]
        return copy

    def edit_manifest(copy: Path) -> None:
        path = copy / "manifest.json"
        path.write_text(path.read_text().replace('"tolerance"', '"tolerance" ', 1))

    def edit_golden(copy: Path) -> None:
        path = copy / "golden.json"
        path.write_bytes(path.read_bytes() + b"\n")

    cases = {
        "manifest": (edit_manifest, "does not match the manifest"),
        "unsigned": (lambda copy: (copy / "manifest.sig").unlink(), "not signed"),
        "golden": (edit_golden, "golden.json differs from the checksum"),
    }
    for name, (change, message) in cases.items():
        copy = tampered(name, change)
        for command in (["verify"], ["activate", "--no-build", "--fallback", "refuse"]):
            proc = inst.aastreli("model", *command, "--config", str(cfg), str(copy), **env)
            assert proc.returncode != 0, (name, command, proc.stdout)
            assert message in proc.stderr and "Traceback" not in proc.stderr, proc.stderr


@pytest.fixture(scope="module")
def firmware_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """aastreli-model.mk's rsync, build and install commands, run natively into a target
    folder, with the rootfs overlay's config beside them."""
    openssl = shutil.which("openssl")
    if not all(shutil.which(p) for p in ("rsync", "make", "cc")) or openssl is None:
        pytest.skip("rsync, make, a C compiler and openssl are needed")
    base = tmp_path_factory.mktemp("firmware-model")
    host = base / "host"  # Buildroot's HOST_DIR: host-openssl's program
    (host / "bin").mkdir(parents=True)
    (host / "bin/openssl").symlink_to(openssl)
    mk = TOP / "buildroot/package/aastreli-model/aastreli-model.mk"
    exclusions = check_buildroot.rsync_exclusions(
        mk, "AASTRELI_MODEL_OVERRIDE_SRCDIR_RSYNC_EXCLUSIONS"
    )
    (host / "bin/python3").symlink_to(sys.executable)  # host-python3, for the builder
    build = base / "aastreli-model-local"
    args = [a for pattern in exclusions for a in ("--exclude", pattern)]
    proc = _run(
        ["rsync", "-au", "--chmod=u=rwX,go=rX", *args, *RSYNC_VCS_EXCLUSIONS,
         f"{TOP}/compiled_models/", str(build)],
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    root = base / "target"
    for step in ("BUILD", "INSTALL_TARGET"):
        stamp = build / f".stamp_{step.lower()}"
        proc = _run(
            [
                "make", "--no-print-directory", "-s", "-f", str(mk),
                "--eval", "qstrip = $(strip $(subst \",,$(1)))",
                "--eval", f"{stamp}: ; $(AASTRELI_MODEL_{step}_CMDS)",
                "TARGET_CC=cc", "TARGET_CFLAGS=-O2", "TARGET_LDFLAGS=", "TARGET_MAKE_ENV=",
                f'BR2_ARCH="{_machine()}"', 'BR2_PACKAGE_AASTRELI_MODEL_NAME="pump_motor"',
                "INSTALL=install", f"TARGET_DIR={root}", f"HOST_DIR={host}",
                f"BR2_EXTERNAL_AASTRELI_PATH={TOP / 'buildroot'}", str(stamp),
            ],
        )  # fmt: skip
        assert proc.returncode == 0, proc.stdout + proc.stderr
    return root


def _machine() -> str:
    from gateway.model.package import host_machine

    return host_machine()


def test_firmware_model_package_is_signed_by_the_key_it_trusts(
    firmware_install: tuple[Installed, Path], firmware_root: Path
) -> None:
    inst, _ = firmware_install
    _check_signed_model(inst, FIRMWARE_CONFIG, firmware_root)


# ---- the balena image: the Dockerfile's build steps -----------------------------------


@pytest.fixture(scope="module")
def balena_install(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    if shutil.which("git") is None or not (TOP / ".git").exists():
        pytest.skip("staging lists files with git: no git checkout here")
    base = tmp_path_factory.mktemp("balena")
    stage = base / "stage"
    proc = _run([str(TOP / "deploy/balena/stage.sh"), str(stage)])
    assert proc.returncode == 0, proc.stderr
    # The build stage's COPY lines (deploy/balena/Dockerfile), with its .dockerignore
    # (**/__pycache__) applied, into its WORKDIR.
    src = base / "src"
    src.mkdir()
    for name in ("pyproject.toml", "constraints.txt", "README.md"):
        shutil.copy(stage / name, src / name)
    for name in ("gateway", "webui"):
        shutil.copytree(stage / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    dockerfile = (TOP / "deploy/balena/Dockerfile").read_text()
    assert "COPY pyproject.toml constraints.txt README.md ./" in dockerfile
    assert "COPY gateway ./gateway" in dockerfile and "COPY webui ./webui" in dockerfile
    assert "pip install -c constraints.txt ." in dockerfile
    # RUN python -m venv /opt/aastreli && /opt/aastreli/bin/pip install -c constraints.txt .
    bin_dir = _fresh_venv(base / "venv")
    proc = _run(
        [
            str(bin_dir / "pip"),
            "install",
            "-q",
            "--disable-pip-version-check",
            "-c",
            "constraints.txt",
            ".",
        ],
        cwd=src,
    )
    if proc.returncode != 0 and "No matching distribution" in proc.stderr:
        pytest.skip(f"cannot install the dependencies from PyPI here: {proc.stderr[-300:]}")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return Installed(bin_dir, base / "cwd")


def test_balena_gateway_creates_its_first_account(balena_install: Installed) -> None:
    _check_installed(balena_install, BALENA_CONFIG)


def _joined_run_lines(dockerfile: str) -> str:
    return re.sub(r"\\\n\s*", " ", dockerfile)


@pytest.fixture(scope="module")
def balena_root(balena_install: Installed) -> Path:
    """The build stage's model steps (verify, build, copy) and the final stage's key,
    with the installed venv's aastreli, into a folder standing for the image's root."""
    if shutil.which("cc") is None:
        pytest.skip("a C compiler is needed")
    base = balena_install.work.parent
    stage, src, root = base / "stage", base / "src", base / "root"
    dockerfile = _joined_run_lines((TOP / "deploy/balena/Dockerfile").read_text())
    assert "COPY compiled_models ./compiled_models" in dockerfile
    # .dockerignore: compiled_models/*/lib; stage.sh copies no ignored file anyway.
    shutil.copytree(
        stage / "compiled_models", src / "compiled_models", ignore=shutil.ignore_patterns("lib")
    )
    keys = re.findall(r"^COPY (config/keys/\S+) (/\S+)$", dockerfile, re.M)
    assert keys, "the Dockerfile ships no public key"
    for source, dest in keys:
        (root / dest.lstrip("/")).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(stage / source, root / dest.lstrip("/"))
    run = next(line for line in dockerfile.splitlines() if "model build" in line)
    for command in re.split(r"\s*&&\s*", run.removeprefix("RUN ").strip()):
        words = command.split()
        if words[:1] == ["/opt/aastreli/bin/aastreli"]:
            # verify (with the key at its image path), build and export, as the Dockerfile
            args = [
                str(root / w.lstrip("/")) if w.startswith(("/etc/", "/opt/aastreli/models")) else w
                for w in words[1:]
            ]
            proc = balena_install.aastreli(*args, cwd=src)
            assert proc.returncode == 0, (command, proc.stdout + proc.stderr)
        elif words[:2] == ["cp", "-a"]:
            dest = root / words[-1].strip("/")
            for name in words[2:-1]:
                path = src / name
                if path.is_dir():
                    shutil.copytree(path, dest / path.name, symlinks=True)
                else:
                    shutil.copy2(path, dest / path.name)
        elif words[:2] == ["mkdir", "-p"]:
            (root / words[2].lstrip("/")).mkdir(parents=True, exist_ok=True)
        elif words[:1] == ["find"]:
            for lock in root.rglob(".lock"):
                lock.unlink()
    assert (root / "opt/aastreli/models/pump_motor/manifest.sig").is_file()
    return root


def test_balena_model_package_is_signed_by_the_key_it_trusts(
    balena_install: Installed, balena_root: Path
) -> None:
    _check_signed_model(balena_install, BALENA_CONFIG, balena_root)


# ---- the init script under BusyBox ----------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"


class Init:
    """S95aastreli as installed, run by BusyBox sh with BusyBox's start-stop-daemon, its
    paths moved into a scratch folder by the INIT_AASTRELI_* variables."""

    def __init__(self, root: Path) -> None:
        self.root = root
        bb = root / "bin"
        bb.mkdir()
        os.symlink(shutil.which("busybox") or "/bin/busybox", bb / "start-stop-daemon")
        self.pidfile = root / "run/aastreli.pid"
        self.pidfile.parent.mkdir()
        self.config = root / "gateway.yaml"
        self.port = _free_port()
        self.config.write_text(
            "gateway:\n  id: init-test\n  data_dir: /nonexistent\n  log_level: info\n"
            f"model:\n  package: {TOP}/compiled_models/pump_motor\n  fallback: gtil\n"
            f"web:\n  host: 127.0.0.1\n  port: {self.port}\n"
            # A broker that is not there: the gateway keeps retrying, and stays up.
            f"sources:\n  - kind: mqtt\n    name: nobody\n    host: 127.0.0.1\n"
            f"    port: {_free_port()}\n    topics: [sensors/#]\n"
        )
        self.log = root / "aastreli.log"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("AASTRELI_")},
            "PATH": f"{bb}:{os.environ['PATH']}",
            "INIT_AASTRELI_EXEC": str(Path(sys.executable).parent / "aastreli"),
            "INIT_AASTRELI_PIDFILE": str(self.pidfile),
            "INIT_AASTRELI_CONFIG": str(self.config),
            "INIT_AASTRELI_DATA_DIR": str(root / "data"),
            "INIT_AASTRELI_LOGFILE": str(self.log),
            "INIT_AASTRELI_USER": "root",
        }

    def __call__(self, action: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["busybox", "sh", str(INIT_SCRIPT), action],
            capture_output=True, text=True, env=self.env, timeout=60,
        )  # fmt: skip

    def pid(self) -> int:
        return int(self.pidfile.read_text().strip())

    def gateways(self) -> list[int]:
        """Gateways running with this test's config (other gateways may run here)."""
        found = []
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit():
                continue
            try:
                cmdline = (proc / "cmdline").read_bytes().split(b"\0")
                comm = (proc / "comm").read_text().strip()
            except OSError:
                continue
            if (
                comm == "aastreli"
                and str(self.config).encode() in cmdline
                and _alive(int(proc.name))
            ):
                found.append(int(proc.name))
        return found

    def wait_up(self) -> int:
        until(lambda: self.pidfile.is_file() and len(self.gateways()) == 1, timeout=30)
        pid = self.pid()
        assert self.gateways() == [pid]

        # Up for real: its web server answers.
        def answers() -> bool:
            with socket.socket() as s:
                return s.connect_ex(("127.0.0.1", self.port)) == 0

        until(answers, timeout=60)
        return pid


@pytest.fixture
def init(tmp_path: Path) -> Iterator[Init]:
    if shutil.which("busybox") is None:
        pytest.skip("busybox is not installed (Debian: busybox)")
    if os.geteuid() != 0:
        pytest.skip("start-stop-daemon -c and chown need root")
    if not (Path(sys.executable).parent / "aastreli").is_file():
        pytest.skip("no aastreli program beside this interpreter")
    runner = Init(tmp_path)
    yield runner
    for pid in runner.gateways():
        os.kill(pid, signal.SIGKILL)


def test_init_start_twice_runs_one_gateway_and_stop_ends_it(init: Init) -> None:
    first = init("start")
    assert first.returncode == 0 and "OK" in first.stdout, first.stdout + first.stderr
    pid = init.wait_up()
    second = init("start")
    assert second.returncode == 0 and "already running" in second.stdout, second.stdout
    time.sleep(1)  # a second gateway would be up by now
    assert init.gateways() == [pid] and init.pid() == pid
    stop = init("stop")
    assert stop.returncode == 0, stop.stdout + stop.stderr
    assert not _alive(pid) and init.gateways() == []
    assert not init.pidfile.exists()
    # Stopping a stopped gateway is not an error.
    again = init("stop")
    assert again.returncode == 0 and "not running" in again.stdout
    # The log file got the gateway's output.
    assert init.log.stat().st_size > 0


def test_init_restart_replaces_the_gateway(init: Init) -> None:
    assert init("start").returncode == 0
    old = init.wait_up()
    restart = init("restart")
    assert restart.returncode == 0, restart.stdout + restart.stderr
    new = init.wait_up()
    assert new != old and not _alive(old) and init.gateways() == [new]
    assert init("stop").returncode == 0
    assert init.gateways() == []


def test_init_stale_pidfile_neither_blocks_start_nor_kills_a_stranger(init: Init) -> None:
    # The pid of a gateway that died, now another process's (or nobody's).
    stranger = subprocess.Popen(["sleep", "60"])
    try:
        init.pidfile.write_text(f"{stranger.pid}\n")
        stop = init("stop")
        assert stop.returncode == 0 and "not running" in stop.stdout, stop.stdout
        assert stranger.poll() is None, "stop killed a process that is not the gateway"
        assert not init.pidfile.exists()

        init.pidfile.write_text(f"{stranger.pid}\n")
        start = init("start")
        assert start.returncode == 0 and "OK" in start.stdout, start.stdout + start.stderr
        pid = init.wait_up()
        assert pid != stranger.pid
        assert init("stop").returncode == 0
        assert stranger.poll() is None and init.gateways() == []
    finally:
        stranger.kill()
        stranger.wait()
    # A pidfile naming no process at all.
    init.pidfile.write_text("999999999\n")
    assert init("start").returncode == 0
    init.wait_up()
    assert init("stop").returncode == 0 and init.gateways() == []
