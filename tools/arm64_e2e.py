#!/usr/bin/env python3
"""The gateway end to end on arm64 userland: Debian bookworm arm64 under qemu-user.

Debian bookworm is the base of Raspberry Pi OS and of balena's Python images. This tool
debootstraps an arm64 bookworm root once (kept in $ARM64_ROOT, default
~/.cache/aastreli/arm64-root), then, every run:

1. installs the gateway into it by running deploy/balena/Dockerfile's own steps (its
   COPY, WORKDIR, ENV and RUN lines, on the project staged by deploy/balena/stage.sh):
   the pinned dependencies' aarch64 wheels from PyPI, the gateway's wheel, the model
   package verified and compiled for aarch64 by the root's gcc;
2. creates the first admin and starts the image's entry point (``aastreli-entry
   aastreli run``, as the aastreli user) with the image's config, and the plant
   simulator beside it (``aastreli simulate`` over MQTT), both aarch64 processes;
3. from this machine: signs in to the web UI with a real Chromium (Playwright), waits for
   the dashboard to show a prediction for the simulated asset, and reads a telemetry
   message with scored readings on the cloud broker.

Both brokers are this machine's mosquitto on free loopback ports. Every aarch64 program
runs through qemu-aarch64-static, registered in a binfmt_misc instance private to a
user namespace (Linux 6.7 or later): nothing changes for the rest of the machine. Needs
root, debootstrap, unshare, qemu-user-static, mosquitto and Playwright (the dev extra)
with /usr/bin/chromium. Exit 77: cannot run here (the reason on stderr).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TOP))

from tests.support.mosquitto import Mosquitto  # noqa: E402
from tests.support.net import free_port  # noqa: E402

ROOT = Path(
    os.environ.get("ARM64_ROOT")
    or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "aastreli/arm64-root"
)
MIRROR = os.environ.get("DEBIAN_MIRROR", "http://deb.debian.org/debian")
QEMU = Path("/usr/bin/qemu-aarch64-static")
CHROMIUM = "/usr/bin/chromium"
# What the Dockerfile's apt-get lines and its python:3.11-slim-bookworm base provide:
# Debian's python3 (3.11.2) and python-is-python3 stand in for the image's /usr/local
# Python; gcc, libc6-dev and make are the build stage's; setpriv (util-linux) and find
# are in every bookworm root. udev is left out: there are no USB adapters here.
PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
PACKAGES = "python3,python3-venv,python-is-python3,ca-certificates,gcc,libc6-dev,make"
# The aarch64 ELF header, as Debian's qemu-user-static registers it (binfmt.d).
MAGIC = r"\x7f\x45\x4c\x46\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\xb7\x00"
MASK = r"\xff\xff\xff\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff"
EMAIL, PASSWORD = "arm64.admin@example.com", "copper valve whistles 64"
ASSET = "industrial_sensor_1"  # the simulator's MQTT asset

# Inside the namespaces, as their root: a private binfmt_misc with qemu (F: the
# interpreter is opened now, so it need not exist inside the root); for a run, a fresh
# overlay on the cached root (its changes kept in the run's folder, the root untouched);
# the machine's /dev, a /proc and /tmp; then the command in the root.
NS_INNER = f"""
set -eu
read _ < "$0"
root=$1 run=$2
shift 2
mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
printf '%s' ':qemu-aarch64:M::{MAGIC}:{MASK}:{QEMU}:F' > /proc/sys/fs/binfmt_misc/register
if [ "$run" != - ]; then
    mount -t overlay overlay -o "lowerdir=$root,upperdir=$run/upper,workdir=$run/work" \
        "$run/merged"
    root=$run/merged
fi
mount --rbind /dev "$root/dev"
mount -t proc proc "$root/proc"
mount -t tmpfs tmpfs "$root/tmp"
# This machine's resolver and certificate authorities (a proxy's own, if there is one).
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
ca=/etc/ssl/certs/ca-certificates.crt
if [ -f "$ca" ] && [ -d "$root/etc/ssl/certs" ]; then cp "$ca" "$root$ca"; fi
exec chroot "$root" /usr/bin/env -i \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    SSL_CERT_FILE=$ca PIP_CERT=$ca "$@"
"""


class Skip(Exception):
    """This machine cannot run the check (exit 77)."""


def log(msg: str) -> None:
    print(f"arm64: {msg}", flush=True)


def in_root(
    root: Path, run: Path | None, *cmd: str, env: dict[str, str] | None = None, **kw: object
) -> subprocess.Popen[bytes]:
    """Start ``cmd`` in ``root`` (on an overlay in ``run`` when given), in a user, mount
    and PID namespace of its own.

    The user namespace maps ids 0-65535 to themselves (written from here: a process
    cannot map more than itself), which a private binfmt_misc instance needs. unshare
    ignores SIGTERM while it waits: ``stop`` signals the namespace's PID 1 instead."""
    if run is not None:
        for sub in ("upper", "work", "merged"):
            (run / sub).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fifo = Path(tmp) / "go"
        os.mkfifo(fifo)
        extra = [f"{k}={v}" for k, v in (env or {}).items()]
        proc = subprocess.Popen(  # type: ignore[call-overload]
            ["unshare", "--user", "--mount", "--pid", "--fork", "--kill-child",
             "--propagation", "private", "sh", "-c", NS_INNER, str(fifo), str(root),
             str(run or "-"), *extra, *cmd],
            start_new_session=True, **kw,
        )  # fmt: skip
        own = os.readlink("/proc/self/ns/user")
        while True:
            if proc.poll() is not None:
                raise SystemExit("arm64: unshare could not make a user namespace")
            try:
                if os.readlink(f"/proc/{proc.pid}/ns/user") != own:
                    break
            except FileNotFoundError:
                pass
            time.sleep(0.02)
        for kind in ("uid_map", "gid_map"):
            Path(f"/proc/{proc.pid}/{kind}").write_text("0 0 65536\n")
        fifo.write_text("go\n")
    return proc  # type: ignore[no-any-return]


def stop(proc: subprocess.Popen[bytes], timeout: float) -> int:
    """SIGTERM to the namespace's PID 1, then its exit status (all of it killed after
    ``timeout`` s). A PID 1 gets only the signals it traps."""
    try:
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
    except FileNotFoundError:
        children = []
    for pid in children:
        os.kill(int(pid), signal.SIGTERM)
    try:
        return proc.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        return proc.wait()


def run_in_root(
    root: Path, run: Path | None, script: str, what: str, env: dict[str, str] | None = None
) -> float:
    """Run a shell script in the root; its time in seconds. Fails loudly."""
    t0 = time.monotonic()
    proc = in_root(root, run, "/bin/sh", "-c", script, env=env)
    try:
        proc.wait()
    except BaseException:  # interrupted: the namespace is a session of its own
        os.killpg(proc.pid, signal.SIGKILL)
        raise
    if proc.returncode != 0:
        raise SystemExit(f"arm64: {what} failed (exit {proc.returncode})")
    return time.monotonic() - t0


def preflight() -> None:
    if os.geteuid() != 0:
        raise Skip("a chroot and a user namespace's id map need root")
    needs = [("debootstrap", "debootstrap"), ("unshare", "util-linux")]
    needs += [("mosquitto", "mosquitto"), ("mosquitto_sub", "mosquitto-clients")]
    for tool, pkg in needs:
        if not (shutil.which(tool) or Path(f"/usr/sbin/{tool}").exists()):
            raise Skip(f"{tool} is not installed (Debian: {pkg})")
    if not QEMU.exists():
        raise Skip(f"{QEMU} is missing (Debian: qemu-user-static)")
    if not Path(CHROMIUM).exists():
        raise Skip("needs /usr/bin/chromium (Debian: chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as err:
        raise Skip("needs Playwright for Python (make dev)") from err
    release = tuple(int(x) for x in re.findall(r"\d+", os.uname().release)[:2])
    if release < (6, 7):
        raise Skip(f"Linux {os.uname().release}: binfmt_misc per user namespace needs 6.7")


def ensure_root() -> float:
    """The cached arm64 bookworm root; the seconds spent making it (0 when cached)."""
    if (ROOT / ".complete").exists():
        return 0.0
    t0 = time.monotonic()
    new = ROOT.with_name(ROOT.name + ".new")
    shutil.rmtree(new, ignore_errors=True)
    new.parent.mkdir(parents=True, exist_ok=True)
    log(f"debootstrap of Debian bookworm arm64 into {ROOT} (once)")
    logfile = ROOT.with_name(ROOT.name + ".log")
    with logfile.open("w") as out:
        # The first stage only unpacks; the second runs the root's own programs (dpkg,
        # maintainer scripts) under qemu. container=lxc: debootstrap then neither tries
        # mknod (a user namespace may not) nor needs it (/dev is the machine's, bound).
        first = subprocess.run(
            ["debootstrap", "--foreign", "--arch=arm64", "--variant=minbase",
             f"--include={PACKAGES}", "bookworm", str(new), MIRROR],
            stdout=out, stderr=subprocess.STDOUT, check=False,
        )  # fmt: skip
        if first.returncode != 0:
            raise Skip(f"debootstrap of bookworm arm64 failed (log: {logfile})")
        proc = in_root(new, None, "/bin/sh", "-c",
                       "container=lxc /debootstrap/debootstrap --second-stage",
                       stdout=out, stderr=subprocess.STDOUT)  # fmt: skip
        if proc.wait() != 0:
            raise SystemExit(f"arm64: debootstrap's second stage failed (log: {logfile})")
    shutil.rmtree(ROOT, ignore_errors=True)
    new.rename(ROOT)
    (ROOT / ".complete").touch()
    return time.monotonic() - t0


# ---- the Dockerfile's steps -----------------------------------------------------------


def _instructions(text: str) -> Iterator[tuple[str, str]]:
    """(INSTRUCTION, arguments) of a Dockerfile, continuation lines joined."""
    joined = re.sub(r"\\\n(\s*#[^\n]*\n)*", " ", text)
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            yield word.upper(), rest.strip()


def dockerfile_steps(text: str, context: str) -> tuple[str, dict[str, str], list[str]]:
    """The Dockerfile as one shell script for a single root (both stages in one, which
    makes COPY --from a no-op), its ENV, and its ENTRYPOINT + CMD. apt-get lines are left
    out: their packages are the root's (PACKAGES)."""
    script = ["set -eux"]
    env: dict[str, str] = {}
    entry: list[str] = []
    cmd: list[str] = []
    for word, args in _instructions(text):
        if word == "RUN":
            if "apt-get" not in args:
                script.append(args)
        elif word == "ENV":
            for pair in shlex.split(args):
                key, _, value = pair.partition("=")
                env[key] = value.replace("$PATH", PATH)
                script.append(f"export {key}={shlex.quote(env[key])}")
        elif word == "WORKDIR":
            script.append(f"mkdir -p {args} && cd {args}")
        elif word == "COPY":
            parts = shlex.split(args)
            if parts[0].startswith("--from"):
                continue
            *sources, dest = parts
            for src in sources:
                path = f"{context}/{src}"
                into = dest.endswith("/") or len(sources) > 1
                target = f"{dest.rstrip('/')}/{Path(src).name}" if into else dest
                script.append(
                    f"if [ -d {path} ]; then mkdir -p {target} && cp -a {path}/. {target}/; "
                    f'else mkdir -p "$(dirname {target})" && cp -a {path} {target}; fi'
                )
        elif word == "ENTRYPOINT":
            entry = json.loads(args)
        elif word == "CMD":
            cmd = json.loads(args)
        elif word not in ("FROM", "EXPOSE"):
            raise SystemExit(f"arm64: Dockerfile instruction {word} is not handled here")
    return "\n".join(script), env, entry + cmd


# ---- the run ----------------------------------------------------------------------------


def stage(run: Path) -> str:
    """The balena project staged into the run's overlay, as the build context."""
    context = run / "upper/build/context"
    context.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(TOP / "deploy/balena/stage.sh"), str(context)], check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    return "/build/context"


def wait_http(url: str, timeout: float, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"arm64: the gateway's namespace ended (exit {proc.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"arm64: {url} did not answer within {timeout:g} s")


def sign_in_and_see_prediction(url: str, shots: Path) -> str:
    """A real Chromium signs in and waits for the dashboard's prediction of ASSET."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page()
            page.set_default_timeout(180_000)  # an emulated CPU: generous, event-driven
            page.goto(url + "/ui/login")
            page.fill("#email", EMAIL)
            page.fill("#password", PASSWORD)
            page.click("#login-submit")
            page.wait_for_url("**/ui/dashboard")
            badge = f"article[data-sensor='{ASSET}'] .badge.prediction"
            page.wait_for_selector(badge)
            deadline = time.monotonic() + 180
            while not (label := page.inner_text(badge).strip()):
                if time.monotonic() > deadline:
                    raise SystemExit(f"arm64: no prediction shown for {ASSET}")
                page.wait_for_timeout(500)
            shots.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(shots / "arm64-dashboard.png"), full_page=True)
            return label
        finally:
            browser.close()


def upstream_message(sub: subprocess.Popen[str], timeout: float) -> dict[str, object]:
    """The first telemetry message with a scored reading that the cloud broker got."""
    assert sub.stdout is not None
    deadline = time.monotonic() + timeout
    for line in sub.stdout:
        topic, _, payload = line.partition(" ")
        if "/telemetry/" in topic:
            msg = json.loads(payload)
            if any("prediction" in r for r in msg.get("readings", [])):
                return dict(msg)
        if time.monotonic() > deadline:
            break
    raise SystemExit("arm64: no telemetry message with a prediction reached the cloud broker")


@contextmanager
def brokers(work: Path) -> Iterator[tuple[Mosquitto, Mosquitto]]:
    plant, cloud = Mosquitto(work / "plant").start(), Mosquitto(work / "cloud").start()
    try:
        yield plant, cloud
    finally:
        plant.stop()
        cloud.stop()


def run(work: Path) -> dict[str, float]:
    times: dict[str, float] = {"root": ensure_root()}
    run_dir = work / "overlay"
    context = stage(run_dir)
    script, image_env, command = dockerfile_steps(
        (TOP / "deploy/balena/Dockerfile").read_text(), context
    )
    log("installing as deploy/balena/Dockerfile does (pip, model build) under qemu")
    times["install"] = run_in_root(ROOT, run_dir, script, "the Dockerfile's steps")
    web = free_port()
    with brokers(work) as (plant, cloud):
        env = {
            **image_env,
            "UDEV": "off",  # no devices to hot-plug here
            "AASTRELI_SOURCES__0__HOST": "127.0.0.1",
            "AASTRELI_SOURCES__0__PORT": str(plant.port),
            "AASTRELI_WEB__HOST": "127.0.0.1",
            "AASTRELI_WEB__PORT": str(web),
            "AASTRELI_UPSTREAM__ENABLED": "true",
            "AASTRELI_UPSTREAM__PORT": str(cloud.port),
        }
        user = " ".join(shlex.quote(a) for a in [*command[:-1], "user", "add", "--email",
                        EMAIL, "--role", "admin", "--password-stdin"])  # fmt: skip
        times["first admin"] = run_in_root(
            ROOT, run_dir, f"printf '%s\\n' {shlex.quote(PASSWORD)} | {user}", "user add", env
        )
        # PID 1 of the namespace: the simulator, and the image's command, which gets the
        # SIGTERM this PID 1 gets when the run ends (a PID 1 ignores what it does not trap).
        start = (
            "aastreli simulate --protocols mqtt --mqtt-host 127.0.0.1 "
            f"--mqtt-port {plant.port} >/var/log/simulator.log 2>&1 &\n"
            f"{' '.join(shlex.quote(a) for a in command)} >/var/log/gateway.log 2>&1 &\n"
            "gw=$!\ntrap 'kill -TERM $gw' TERM\nwait $gw || wait $gw\n"
        )
        sub = subprocess.Popen(
            ["mosquitto_sub", "-h", "127.0.0.1", "-p", str(cloud.port), "-t", "aastreli/#",
             "-v", "-q", "1"],
            stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        t0 = time.monotonic()
        gateway = in_root(ROOT, run_dir, "/bin/sh", "-c", start, env=env)
        try:
            wait_http(f"http://127.0.0.1:{web}/healthz", 600, gateway)
            times["start to web UI"] = time.monotonic() - t0
            t1 = time.monotonic()
            label = sign_in_and_see_prediction(f"http://127.0.0.1:{web}", TOP / "test-artifacts")
            times["sign-in to prediction shown"] = time.monotonic() - t1
            log(f"the dashboard shows {ASSET}: {label}")
            msg = upstream_message(sub, 300)
            times["start to upstream message"] = time.monotonic() - t0
            reading = next(r for r in msg["readings"] if "prediction" in r)  # type: ignore[attr-defined]
            log(f"upstream: {msg['sensor_id']} {reading['prediction']} (seq {msg['seq']})")
        finally:
            sub.terminate()
            code = stop(gateway, 120)
        logs = run_dir / "upper/var/log"
        if code != 0:
            tail = (logs / "gateway.log").read_text(errors="replace")[-3000:]
            raise SystemExit(f"arm64: the gateway ended with {code}:\n{tail}")
    return times


def main() -> int:
    try:
        preflight()
    except Skip as err:
        print(f"SKIP: {err}", file=sys.stderr)
        return 77
    t0 = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="arm64-e2e-"))
    try:
        times = run(work)
    except Skip as err:
        print(f"SKIP: {err}", file=sys.stderr)
        return 77
    finally:
        if os.environ.get("ARM64_KEEP") is None:
            shutil.rmtree(work, ignore_errors=True)
        else:
            log(f"kept {work}")
    times["total"] = time.monotonic() - t0
    log("passed: " + ", ".join(f"{k} {v:.0f} s" for k, v in times.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
