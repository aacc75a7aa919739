"""Model area: package upload (hostile archives too), activation through a real ModelSlot."""

from __future__ import annotations

import io
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from gateway.features import PLANT_FEATURES
from tests.support.web import MODEL, WebEnv, web_env

pytestmark = pytest.mark.skipif(
    not (MODEL / "manifest.json").exists(), reason="needs the repository's model package"
)


@pytest.fixture
def web(tmp_path: Path) -> Iterator[WebEnv]:
    yield from web_env(tmp_path)


def _package_tar(name: str = "pump_motor") -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for path in sorted(MODEL.rglob("*")):
            rel = path.relative_to(MODEL)
            if rel.parts[0] == "lib" or not path.is_file():
                continue  # built libraries stay behind: each machine builds its own
            tf.add(path, arcname=f"{name}/{rel}")
    return buf.getvalue()


def _upload(web: WebEnv, data: bytes, filename: str) -> object:
    return web.client().post(
        "/model/upload",
        headers=web.headers("admin"),
        data={"package": (io.BytesIO(data), filename)},
        content_type="multipart/form-data",
    )


def test_upload_activate_rollback(web: WebEnv) -> None:
    from gateway.model import ModelSlot

    r = _upload(web, _package_tar(), "pump_motor-v2.tar.gz")
    assert r.status_code == 201, r.json
    assert r.json["name"] and r.json["classes"][0] == "normal"
    uploaded = Path(r.json["path"])
    assert (
        uploaded.is_relative_to(web.data_dir / "models") and (uploaded / "manifest.json").exists()
    )
    h = web.headers("admin")
    c = web.client()
    folder = uploaded.parent.name
    assert folder in c.get("/model", headers=h).json["uploads"]
    # Without hot swap in this gateway: 503, nothing changes.
    assert c.post("/model/activate", headers=h, json={"path": folder}).status_code == 503
    slot = ModelSlot(PLANT_FEATURES, fallback="gtil", build=False)
    web.facade.services.model = slot
    r = c.post("/model/activate", headers=h, json={"path": "/etc"})
    assert r.status_code == 422 and "path" in r.json["fields"]
    r = c.post("/model/activate", headers=h, json={"path": "../../etc"})
    assert r.status_code == 422
    r = c.post("/model/activate", headers=h, json={"path": f"{folder}/pump_motor"})
    assert r.status_code == 200, r.json
    assert slot.active.name == r.json["name"] and r.json["backend"] == "gtil"
    info = c.get("/model", headers=h).json
    assert info["name"] == slot.active.name and info["previous"]["name"] == "none"
    # Right after the first activation there is no previous model: rolling back to the
    # placeholder would switch predictions off (issue #13).
    active = slot.active
    r = c.post("/model/rollback", headers=h)
    assert r.status_code == 409 and slot.active is active
    # A path too long for the file system is a field error, not a 500 (ENAMETOOLONG).
    for path in ("a" * 300, "/" + "b" * 300, f"{folder}/" + "c" * 300):
        r = c.post("/model/activate", headers=h, json={"path": path})
        assert r.status_code == 422 and "path" in r.json["fields"], (path, r.status_code)
    r = c.post("/model/activate", headers=h, json={"path": f"{folder}/pump_motor"})
    assert r.status_code == 200
    r = c.post("/model/rollback", headers=h)
    assert r.status_code == 200 and slot.active is active
    events = [e["event"] for e in web.store.find("audit")]
    assert {"model_uploaded", "model_activated", "model_rolled_back"} <= set(events)


def test_hostile_or_broken_uploads_are_refused(tmp_path: Path) -> None:
    # A 2 MB upload limit: archives may unpack to 8 times that.
    web = WebEnv(tmp_path, {"web": {"max_upload_mb": 2}})
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        info = tarfile.TarInfo("../escape.txt")
        info.size = 4
        tf.addfile(info, io.BytesIO(b"boom"))
    r = _upload(web, buf.getvalue(), "evil.tar.gz")
    assert r.status_code == 422
    assert not (web.data_dir / "escape.txt").exists()

    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tf:
        link = tarfile.TarInfo("pkg/manifest.json")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        tf.addfile(link)
    assert _upload(web, buf.getvalue(), "link.tar").status_code == 422

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("pkg/manifest.json", b"0" * (40 * 1024 * 1024))  # compresses to ~40 KB
    r = _upload(web, buf.getvalue(), "bomb.zip")
    assert r.status_code == 413

    assert _upload(web, b"not an archive", "junk.tar.gz").status_code == 422
    assert _upload(web, b"PK", "plain.txt").status_code == 422
    r = _upload(web, _package_tar(), "ok.tar.gz")  # a real package still goes in
    assert r.status_code == 201
    # Refused uploads leave nothing behind.
    left = sorted(p.name for p in (web.data_dir / "models").iterdir())
    assert len(left) == 1 and left[0].startswith("ok-")
    assert (
        web.client().post("/model/upload", headers=web.headers("admin"), json={}).status_code == 415
    )
    assert web.client().post("/model/upload", headers=web.headers("operator")).status_code == 403
    too_big = b"\0" * (3 * 1024 * 1024)
    assert _upload(web, too_big, "big.tar").status_code == 413
    web.store.close()
