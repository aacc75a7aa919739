"""A signed package is trusted only as a whole (issue #20, finding 1).

The re-test ran code as root despite ``model.trusted_keys``, twice, with the
repository's own signed manifest and signature: a package whose ``lib`` is a symbolic
link to a folder holding a prepared library and a build record naming the signed
source, and a package carrying a precompiled ``src/header.h.gch`` that gcc prefers to
the signed ``header.h``. Here both go through a real gateway's web API (waitress, the
runtime's model slot) with a marker file that the hostile code would write; then the
same packages placed on disk by hand meet the checks at start, at activation and in
``aastreli model verify``.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from gateway.features import PLANT_FEATURES
from gateway.model import ModelError, ModelSlot
from gateway.model.build import BASE_CFLAGS, build_library
from gateway.model.package import read_manifest, sha256_file
from tests.support.web import MODEL, RunningGateway

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_KEY = ROOT / "config" / "keys" / "aastreli-models.pub"
PASSWORD = "granite pump hums 5"

pytestmark = pytest.mark.skipif(
    shutil.which("cc") is None or not (MODEL / "manifest.sig").exists(),
    reason="needs a C compiler and the signed model package",
)


def _constructor(marker: Path) -> str:
    """C that writes ``marker`` when the library holding it is loaded."""
    return (
        "#include <stdio.h>\n"
        "__attribute__((constructor)) static void aastreli_test_hostile(void) {\n"
        f'  FILE *f = fopen("{marker}", "w"); if (f) {{ fputs("ran", f); fclose(f); }}\n'
        "}\n"
    )


def _hostile_library(work: Path, marker: Path) -> bytes:
    src = work / "hostile.c"
    src.write_text(_constructor(marker))
    out = work / "hostile.so"
    subprocess.run(["cc", "-shared", "-fPIC", "-o", str(out), str(src)], check=True)
    return out.read_bytes()


def _hostile_pch(work: Path, marker: Path) -> bytes:
    """``header.h`` as signed, plus a constructor, precompiled with the build's flags."""
    header = work / "header.h"
    header.write_text((MODEL / "src" / "header.h").read_text() + _constructor(marker))
    out = work / "header.h.gch"
    flags = [*BASE_CFLAGS, *read_manifest(MODEL)["build"]["cflags"]]
    subprocess.run(["cc", *flags, "-x", "c-header", str(header), "-o", str(out)], check=True)
    return out.read_bytes()


def _record(library: bytes) -> bytes:
    """A build record that names the signed source, as the re-test's did."""
    import hashlib

    return json.dumps(
        {
            "library": "libmodel.so",
            "library_sha256": hashlib.sha256(library).hexdigest(),
            "source_sha256": read_manifest(MODEL)["source"]["sha256"],
            "machine": "x86_64",
        }
    ).encode()


def _archive(files: dict[str, bytes] | None = None, links: dict[str, str] | None = None) -> bytes:
    """The shipped, signed package as a tar.gz, with files added or replaced and links."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for path in sorted(MODEL.rglob("*")):
            rel = path.relative_to(MODEL)
            if rel.parts[0] != "lib" and path.is_file() and str(rel) not in (files or {}):
                tf.add(path, arcname=f"pump_motor/{rel}")
        for name, data in (files or {}).items():
            info = tarfile.TarInfo(f"pump_motor/{name}")
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
        for name, target in (links or {}).items():
            info = tarfile.TarInfo(f"pump_motor/{name}")
            info.type = tarfile.SYMTYPE
            info.linkname = target
            tf.addfile(info)
    return buf.getvalue()


# -- through a real gateway's web API ----------------------------------------------------


@pytest.fixture(scope="module")
def gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningGateway]:
    data = tmp_path_factory.mktemp("trust") / "data"
    gw = RunningGateway(
        data,
        assets=1,
        config={"model": {"package": str(MODEL), "trusted_keys": [str(SHIPPED_KEY)]}},
    ).start()
    yield gw
    gw.stop()


@pytest.fixture(scope="module")
def admin(gateway: RunningGateway) -> dict[str, str]:
    return gateway.admin(PASSWORD)


def _upload_and_activate(
    gw: RunningGateway, admin: dict[str, str], data: bytes
) -> tuple[requests.Response, requests.Response | None]:
    r = requests.post(
        gw.url + "/model/upload",
        headers=admin,
        files={"package": ("pump_motor.tar.gz", data)},
        timeout=60,
    )
    if r.status_code != 201:
        return r, None
    activated = requests.post(
        gw.url + "/model/activate", headers=admin, json={"path": r.json()["path"]}, timeout=600
    )
    return r, activated


def test_a_symlinked_lib_never_loads_through_the_web_api(
    gateway: RunningGateway, admin: dict[str, str], tmp_path: Path
) -> None:
    marker = tmp_path / "hostile-library-ran"
    library = _hostile_library(tmp_path, marker)
    prepared = {
        "prepared/x86_64/libmodel.so": library,
        "prepared/x86_64/build.json": _record(library),
    }
    data = _archive(files=prepared, links={"lib": "prepared"})
    upload, activation = _upload_and_activate(gateway, admin, data)
    assert not marker.exists(), "the prepared library ran inside the gateway"
    assert activation is None, activation.text if activation is not None else ""
    assert upload.status_code == 422
    assert "symbolic link" in upload.json()["detail"]
    assert gateway.gateway.facade.services.model.active.name == "pump_motor"


def test_a_precompiled_header_never_reaches_the_compiler_through_the_web_api(
    gateway: RunningGateway, admin: dict[str, str], tmp_path: Path
) -> None:
    marker = tmp_path / "hostile-header-ran"
    upload, activation = _upload_and_activate(
        gateway, admin, _archive(files={"src/header.h.gch": _hostile_pch(tmp_path, marker)})
    )
    assert not marker.exists(), "code from the precompiled header ran inside the gateway"
    assert activation is None, activation.text if activation is not None else ""
    assert upload.status_code == 422
    assert "src/header.h.gch" in upload.json()["detail"]
    assert "does not list" in upload.json()["detail"]


def test_uploaded_files_are_private_from_the_moment_they_land(
    gateway: RunningGateway, admin: dict[str, str]
) -> None:
    old = os.umask(0o022)  # the re-test's umask; the gateway must not depend on its own
    try:
        r = requests.post(
            gateway.url + "/model/upload",
            headers=admin,
            files={"package": ("pump_motor.tar.gz", _archive())},
            timeout=60,
        )
    finally:
        os.umask(old)
    assert r.status_code == 201, r.text
    package = Path(r.json()["path"])
    modes = {
        str(p.relative_to(package)): stat.S_IMODE(p.lstat().st_mode)
        for p in [package, *package.rglob("*")]
    }
    assert modes and all(
        mode == (0o700 if (package / rel).is_dir() else 0o600) for rel, mode in modes.items()
    ), modes


# -- the same packages on disk: start, activation, verify ---------------------------------


@pytest.fixture
def installed(tmp_path: Path) -> Path:
    """The signed package copied as a device holds it (its library built here)."""
    copy = tmp_path / "pkg" / "pump_motor"
    shutil.copytree(MODEL, copy, ignore=shutil.ignore_patterns("lib"))
    build_library(copy)
    return copy


def _start(package: Path, data: Path) -> Any:
    from gateway.config import parse_config
    from gateway.runtime import Gateway
    from gateway.state.store import Store

    cfg = parse_config(
        {
            "gateway": {"data_dir": str(data)},
            "model": {"package": str(package), "trusted_keys": [str(SHIPPED_KEY)]},
        }
    )
    store = Store(data)
    try:
        return Gateway(cfg)._load_model(store)
    finally:
        store.close()


def _refused_everywhere(package: Path, tmp_path: Path, marker: Path, reason: str) -> None:
    from gateway.cli import main
    from gateway.errors import StartupError
    from gateway.model.signing import load_trusted_keys

    with pytest.raises(StartupError, match=reason):
        _start(package, tmp_path / "data")
    slot = ModelSlot(PLANT_FEATURES, trusted_keys=load_trusted_keys([str(SHIPPED_KEY)]))
    with pytest.raises(ModelError, match=reason):
        slot.activate(package)
    assert main(["model", "verify", str(package), "--key", str(SHIPPED_KEY)]) == 1
    with pytest.raises(ModelError, match=reason):
        build_library(package, force=True)
    assert not marker.exists()


def test_a_symlinked_lib_on_disk_is_refused_at_start_activation_and_verify(
    installed: Path, tmp_path: Path
) -> None:
    marker = tmp_path / "ran"
    prepared = tmp_path / "prepared" / "x86_64"
    prepared.mkdir(parents=True)
    library = _hostile_library(tmp_path, marker)
    (prepared / "libmodel.so").write_bytes(library)
    (prepared / "build.json").write_bytes(_record(library))
    shutil.rmtree(installed / "lib")
    (installed / "lib").symlink_to(prepared.parent)
    _refused_everywhere(installed, tmp_path, marker, "lib: a symbolic link")


def test_a_precompiled_header_on_disk_is_refused_and_never_compiled(
    installed: Path, tmp_path: Path
) -> None:
    marker = tmp_path / "ran"
    (installed / "src" / "header.h.gch").write_bytes(_hostile_pch(tmp_path, marker))
    _refused_everywhere(installed, tmp_path, marker, "src/header.h.gch: a file the signed")
    # Even when handed the folder, the compiler's private copy holds only listed files.
    from gateway.model.build import private_copy

    work = tmp_path / "private"
    work.mkdir()
    names = private_copy(installed, read_manifest(installed), work)
    assert sorted(p.name for p in work.iterdir()) == sorted(names)
    assert "header.h" in names and not any(n.endswith(".gch") for n in names)


def test_hard_links_and_changed_files_are_refused(installed: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.c"
    os.link(installed / "src" / "tu1.c", outside)
    with pytest.raises(ModelError, match="hard link"):
        ModelSlot(PLANT_FEATURES).prepare(installed)
    outside.unlink()
    library = installed / "lib" / "x86_64" / "libmodel.so"
    before = sha256_file(library)
    (installed / "golden.json").write_text((installed / "golden.json").read_text() + " ")
    with pytest.raises(ModelError, match=r"golden\.json differs"):
        ModelSlot(PLANT_FEATURES).prepare(installed)
    assert sha256_file(library) == before


def test_upload_refuses_every_kind_of_special_member(tmp_path: Path) -> None:
    from tests.support.web import WebEnv

    web = WebEnv(tmp_path, {"model": {"trusted_keys": [str(SHIPPED_KEY)]}})
    try:
        for kind, extra in [
            ("a hard link", {"type": tarfile.LNKTYPE, "linkname": "pump_motor/src/tu0.c"}),
            ("a device", {"type": tarfile.CHRTYPE, "devmajor": 1, "devminor": 3}),
            ("a named pipe", {"type": tarfile.FIFOTYPE}),
            ("a symbolic link", {"type": tarfile.SYMTYPE, "linkname": "tu0.c"}),
        ]:
            buf = io.BytesIO(_archive())
            out = io.BytesIO()
            with tarfile.open(fileobj=buf) as src, tarfile.open(fileobj=out, mode="w") as dst:
                for m in src.getmembers():
                    dst.addfile(m, src.extractfile(m) if m.isreg() else None)
                info = tarfile.TarInfo("pump_motor/src/extra.c")
                for key, value in extra.items():
                    setattr(info, key, value)
                dst.addfile(info)
            r = web.client().post(
                "/model/upload",
                headers=web.headers("admin"),
                data={"package": (io.BytesIO(out.getvalue()), "p.tar")},
                content_type="multipart/form-data",
            )
            assert r.status_code == 422 and kind in r.json["detail"], (kind, r.json)
        changed = _archive(files={"src/tu0.c": b"int x;\n"})
        r = web.client().post(
            "/model/upload",
            headers=web.headers("admin"),
            data={"package": (io.BytesIO(changed), "p.tar.gz")},
            content_type="multipart/form-data",
        )
        assert r.status_code == 422 and "src/tu0.c differs" in r.json["detail"], r.json
        assert not any((web.data_dir / "models").iterdir())
    finally:
        web.store.close()
