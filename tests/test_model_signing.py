"""Signed model packages (issue #13, finding 4): a package is code.

The review's attack: a shim whose constructor calls system(), with the manifest's
checksums recomputed, uploaded and activated by an admin. With ``model.trusted_keys``
set it is refused at upload, at activation and at start; a manifest never passes
compiler flags outside the allow-list. The tests make their own keys.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gateway.features import PLANT_FEATURES
from gateway.model import ModelError, ModelSlot
from gateway.model.build import build_library, manifest_cflags
from gateway.model.package import combined_sha256, sha256_file
from gateway.model.signing import (
    SIGNATURE,
    generate_key_pair,
    load_private_key,
    load_public_key,
    public_key_text,
    sign_package,
    verify_package,
)
from tests.support.web import MODEL, WebEnv, web_env

pytest_plugins = ["tests.support.model"]

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_KEY = ROOT / "config" / "keys" / "aastreli-models.pub"


@pytest.fixture
def keys(tmp_path: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in ("good", "other"):
        priv, pub = tmp_path / f"{name}.pem", tmp_path / f"{name}.pub"
        generate_key_pair(priv, pub)
        out[name] = load_private_key(priv)
        out[name + "_pub"] = load_public_key(str(pub))
        out[name + "_text"] = public_key_text(out[name + "_pub"])
    return out


@pytest.fixture
def unsigned(tmp_path: Path) -> Path:
    """The default package's files without its library, signature or build lock."""
    copy = tmp_path / "pkg" / "pump_motor"
    shutil.copytree(MODEL, copy, ignore=shutil.ignore_patterns("lib", SIGNATURE))
    return copy


@pytest.fixture
def signed(unsigned: Path, keys: dict[str, Any]) -> Path:
    sign_package(unsigned, keys["good"])
    return unsigned


def _backdoor(package: Path, *, recompute: bool) -> None:
    """The review's shim: a constructor that runs a command; checksums recomputed."""
    shim = package / "src" / "aastreli_shim.c"
    shim.write_text(
        shim.read_text()
        + "\n#include <stdlib.h>\n__attribute__((constructor)) static void pwn(void)"
        ' { system("touch /tmp/aastreli-pwned"); }\n'
    )
    if recompute:
        path = package / "manifest.json"
        manifest = json.loads(path.read_text())
        files = manifest["source"]["files"]
        files["aastreli_shim.c"] = sha256_file(shim)
        manifest["source"]["sha256"] = combined_sha256(files)
        manifest["files"]["src/aastreli_shim.c"] = files["aastreli_shim.c"]
        path.write_text(json.dumps(manifest, indent=2))


def test_the_shipped_package_is_signed_by_the_shipped_key() -> None:
    key = load_public_key(str(SHIPPED_KEY))
    assert verify_package(MODEL, [key]) is not None
    cfg = (ROOT / "config" / "gateway.yaml").read_text()
    assert "config/keys/aastreli-models.pub" in cfg
    assert not list(ROOT.glob("config/keys/*.pem")), "a private key in the repository"


def test_signature_checks(signed: Path, unsigned: Path, keys: dict[str, Any]) -> None:
    assert verify_package(signed, [keys["good_pub"]])
    assert verify_package(signed, []) is None  # no keys: nothing required
    with pytest.raises(ModelError, match="any trusted key"):
        verify_package(signed, [keys["other_pub"]])  # a wrong key
    # Several keys: any one will do (key rotation).
    assert verify_package(signed, [keys["other_pub"], keys["good_pub"]])
    # Tampered manifest: one byte of the signed text.
    path = signed / "manifest.json"
    path.write_text(path.read_text().replace('"pump_motor"', '"pump_motoR"', 1))
    with pytest.raises(ModelError, match="changed after it was signed"):
        verify_package(signed, [keys["good_pub"]])
    (signed / SIGNATURE).unlink()
    with pytest.raises(ModelError, match="not signed"):
        verify_package(signed, [keys["good_pub"]])
    (signed / SIGNATURE).write_text("{not json")
    with pytest.raises(ModelError, match="unreadable"):
        verify_package(signed, [keys["good_pub"]])


def test_tampered_c_is_refused_before_it_is_compiled(signed: Path, keys: dict[str, Any]) -> None:
    slot = ModelSlot(PLANT_FEATURES, trusted_keys=[keys["good_pub"]])
    # The C changed, the signed manifest not: the source checksum refuses it.
    _backdoor(signed, recompute=False)
    with pytest.raises(ModelError, match="differs from the checksum the manifest lists"):
        slot.prepare(signed)
    # The checksums recomputed as in the review: now the signature refuses it.
    _backdoor(signed, recompute=True)
    with pytest.raises(ModelError, match="changed after it was signed"):
        slot.prepare(signed)
    assert not (signed / "lib").exists()  # nothing was compiled


def test_unsigned_or_wrongly_signed_is_refused_at_activation(
    unsigned: Path, keys: dict[str, Any]
) -> None:
    with pytest.raises(ModelError, match="not signed"):
        ModelSlot(PLANT_FEATURES, trusted_keys=[keys["good_pub"]]).activate(unsigned)
    sign_package(unsigned, keys["other"])
    with pytest.raises(ModelError, match="any trusted key"):
        ModelSlot(PLANT_FEATURES, trusted_keys=[keys["good_pub"]]).activate(unsigned)
    assert not (unsigned / "lib").exists()


def test_compiler_flags_from_a_manifest_are_allow_listed(
    signed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert manifest_cflags({"build": {"cflags": ["-O2", "-g", "-march=armv8-a"]}}) == [
        "-O2",
        "-g",
        "-march=armv8-a",
    ]
    for bad in ("-fplugin=/tmp/x.so", "-B/tmp", "-wrapper", "@/etc/flags", "-o", "-DX=1", "-O1 -x"):
        with pytest.raises(ModelError, match="not allowed"):
            manifest_cflags({"name": "p", "build": {"cflags": ["-O1", bad]}})
    path = signed / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["build"] = {"cflags": ["-O1", "-fplugin=/tmp/evil.so"]}
    path.write_text(json.dumps(manifest))
    monkeypatch.delenv("CFLAGS", raising=False)
    with pytest.raises(ModelError, match="not allowed"):
        build_library(signed)
    assert not (signed / "lib" / "x86_64" / "libmodel.so").exists()


# -- the web upload and the start ------------------------------------------------------


@pytest.fixture
def web(tmp_path: Path, keys: dict[str, Any]) -> Iterator[WebEnv]:
    yield from web_env(tmp_path / "w", {"model": {"trusted_keys": [keys["good_text"]]}})


def _tar(package: Path, *, extra: dict[str, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for path in sorted(package.rglob("*")):
            if path.is_file():
                tf.add(path, arcname=f"pump_motor/{path.relative_to(package)}")
        for name, data in (extra or {}).items():
            info = tarfile.TarInfo(f"pump_motor/{name}")
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def _upload(web: WebEnv, data: bytes) -> Any:
    return web.client().post(
        "/model/upload",
        headers=web.headers("admin"),
        data={"package": (io.BytesIO(data), "pump_motor.tar.gz")},
        content_type="multipart/form-data",
    )


def test_upload_refuses_unsigned_and_tampered_packages(
    web: WebEnv, unsigned: Path, keys: dict[str, Any]
) -> None:
    r = _upload(web, _tar(unsigned))
    assert r.status_code == 422 and "not signed" in r.json["detail"]
    sign_package(unsigned, keys["other"])
    r = _upload(web, _tar(unsigned))
    assert r.status_code == 422 and "trusted key" in r.json["detail"]
    sign_package(unsigned, keys["good"])
    _backdoor(unsigned, recompute=True)
    r = _upload(web, _tar(unsigned))
    assert r.status_code == 422 and "changed after it was signed" in r.json["detail"]
    events = [e["event"] for e in web.store.find("audit")]
    assert events.count("model_upload_refused") == 3


def test_upload_refuses_a_bundled_library(web: WebEnv, signed: Path) -> None:
    evil = b"\x7fELF not really"
    record = json.dumps({"library_sha256": hashlib.sha256(evil).hexdigest()}).encode()
    r = _upload(
        web, _tar(signed, extra={"lib/x86_64/libmodel.so": evil, "lib/x86_64/build.json": record})
    )
    # The signed list never names lib/: a library that came with the package is refused,
    # the device builds its own from the signed C.
    assert r.status_code == 422, r.json
    assert "lib/x86_64/" in r.json["detail"] and "does not list" in r.json["detail"]
    assert not list((web.data_dir / "models").glob("*/lib"))
    r = _upload(web, _tar(signed))
    assert r.status_code == 201, r.json
    assert next(e for e in web.store.find("audit") if e["event"] == "model_uploaded")["signed_by"]


def test_start_refuses_an_unsigned_package(
    tmp_path: Path, unsigned: Path, keys: dict[str, Any]
) -> None:
    from gateway.config import parse_config
    from gateway.errors import StartupError
    from gateway.runtime import Gateway
    from gateway.state.store import Store

    cfg = parse_config(
        {
            "gateway": {"data_dir": str(tmp_path / "data")},
            "model": {"package": str(unsigned), "trusted_keys": [keys["good_text"]]},
        }
    )
    store = Store(tmp_path / "data")
    try:
        with pytest.raises(StartupError, match="not signed"):
            Gateway(cfg)._load_model(store)
        sign_package(unsigned, keys["good"])
        # Signed: it goes on to the checks of the package itself (no library built here).
        try:
            Gateway(cfg)._load_model(store)
        except StartupError as err:
            assert "signed" not in str(err)
    finally:
        store.close()


# ---- the CLI on a package as the images install it, and config check of key paths ------


def _device_layout(signed: Path, dest: Path) -> Path:
    """The package as the balena image and the firmware install it: manifest, signature,
    golden file and the library with its build record; no src/, no model file."""
    build_library(signed)
    dest.mkdir(parents=True)
    for name in ("manifest.json", SIGNATURE, "golden.json"):
        shutil.copy(signed / name, dest / name)
    shutil.copytree(signed / "lib", dest / "lib", ignore=shutil.ignore_patterns(".lock"))
    return dest


def test_verify_checks_a_package_without_its_source(
    signed: Path, keys: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from gateway.cli import main
    from gateway.model.package import LIB_NAME, sidecar_path

    device = _device_layout(signed, tmp_path / "device" / "pump_motor")
    key = ["--key", keys["good_text"]]
    assert main(["model", "verify", str(device), *key]) == 0
    out = capsys.readouterr().out
    assert "built from that source" in out and "golden file matches" in out

    # Another library with a record that claims the signed source but does not match it.
    (library,) = device.glob(f"lib/*/{LIB_NAME}")
    library.write_bytes(library.read_bytes() + b"\0")
    assert main(["model", "verify", str(device), *key]) == 1
    assert "library checksum mismatch" in capsys.readouterr().err
    # A record for other source than the signed manifest names.
    record = json.loads(sidecar_path(library).read_text())
    record["source_sha256"] = "0" * 64
    record["library_sha256"] = sha256_file(library)
    sidecar_path(library).write_text(json.dumps(record))
    assert main(["model", "verify", str(device), *key]) == 1
    assert "stale build" in capsys.readouterr().err
    # Neither source nor library: nothing ties the package to what would run.
    shutil.rmtree(device / "lib")
    assert main(["model", "verify", str(device), *key]) == 1
    assert "neither src/ nor a built library" in capsys.readouterr().err


def test_config_check_reads_the_trusted_keys_it_can(
    tmp_path: Path, keys: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    from gateway.cli import main

    def check(*specs: str) -> int:
        path = tmp_path / "gateway.yaml"
        path.write_text(json.dumps({"model": {"package": None, "trusted_keys": list(specs)}}))
        return main(["config", "check", str(path)])

    # Inline, a key file here, a device path (absolute, not here): fine.
    assert check(keys["good_text"], str(SHIPPED_KEY), "/etc/aastreli/keys/absent.pub") == 0
    assert "not on this machine" in capsys.readouterr().err
    # A relative path found nowhere, a file that is no key, an inline key that is none.
    not_a_key = tmp_path / "not-a-key.pub"
    not_a_key.write_text("hello\n")
    for spec in ("keys/absent.pub", str(not_a_key), "ed25519:AAAA"):
        assert check(spec) == 2, spec
        assert "model.trusted_keys" in capsys.readouterr().err
