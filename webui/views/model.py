"""Model area: the active package and its metrics, upload a package, activate, roll back.

Uploads are archives (``.tar.gz``, ``.tgz``, ``.tar``, ``.zip``) of one package folder.
They are unpacked under ``<data_dir>/models/`` by ``gateway.model.archive`` (regular
files and folders only, 0600 and 0700 from the start, a cap on the unpacked size), then
checked whole before anything else sees them: the manifest against the gateway's feature
map, its signature, and the folder against the signed list of files (a library, a link
or any file the list does not name is refused). Activation only takes folders under
that directory or beside the configured package: an admin's typo cannot load a library
from anywhere.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from flask import Blueprint, request

from gateway.facade import ModelError, PackageTooLarge, check_upload, unpack_package
from gateway.facade import trusted_keys as configured_keys
from gateway.facade import upload_root as configured_upload_root
from webui.api import AUTHENTICATED, ApiError, api_route, field_error, json_response
from webui.auth import web_config
from webui.context import run, services
from webui.schemas import ModelActivateIn

bp = Blueprint("model", __name__)

UNPACK_FACTOR = 8  # unpacked size allowed per byte uploaded (C source compresses ≈5x)
_NAME_RE = re.compile(r"[^A-Za-z0-9_.-]+")


def upload_root() -> Path:
    return configured_upload_root(services().config)


def trusted_keys() -> list[Any]:
    """The Ed25519 keys of model.trusted_keys (empty: packages need no signature)."""
    return configured_keys(services().config)


def package_roots() -> list[Path]:
    roots = [upload_root()]
    configured = services().config.model.package
    if configured:
        roots.append(Path(configured).parent)
    return [r.resolve() for r in roots]


def _describe(model: Any) -> dict[str, Any]:
    if isinstance(model, dict):
        return model
    if callable(getattr(model, "info", None)):
        info: dict[str, Any] = model.info()
        return info
    manifest = getattr(model, "manifest", None) or {}
    return {
        "name": getattr(model, "name", None),
        "backend": getattr(model, "backend", None),
        "package_dir": str(getattr(model, "package_dir", None) or "") or None,
        "classes": list(getattr(model, "classes", ()) or ()),
        "metrics": manifest.get("metrics"),
        "created": manifest.get("created"),
        "tools": manifest.get("tools"),
    }


def model_info() -> dict[str, Any]:
    facade = services().facade
    info: dict[str, Any] = dict(facade.model_info() or {})
    slot = facade.services.model
    if slot is not None:
        active = getattr(slot, "active", None)  # a bare slot (tests) has no info()
        if callable(getattr(slot, "info", None)):
            info.update(run(slot.info()))
        elif active is not None:
            info.update(_describe(active))
            previous = getattr(slot, "previous", None)
            info["previous"] = _describe(previous) if previous is not None else None
    info["can_change"] = slot is not None
    shadow = facade.services.shadow
    info["can_shadow"] = shadow is not None
    info["shadow"] = shadow.info() if shadow is not None else None
    info["history"] = [asdict(a) for a in services().state.activations(20)]
    root = upload_root()
    info["uploads"] = sorted(p.name for p in root.iterdir() if p.is_dir()) if root.is_dir() else []
    return info


@api_route(
    bp,
    "/model",
    "GET",
    role=AUTHENTICATED,
    summary="The active model package: name, classes, training metrics, uploads",
)
def get_model(user: dict[str, Any]) -> Any:
    return json_response(model_info())


def _package_dir(dest: Path) -> Path:
    if (dest / "manifest.json").is_file():
        return dest
    entries = list(dest.iterdir())
    if len(entries) == 1 and entries[0].is_dir() and (entries[0] / "manifest.json").is_file():
        return entries[0]
    raise ApiError(
        422, "the archive holds no model package (manifest.json at its top or in one folder)"
    )


@api_route(
    bp,
    "/model/upload",
    "POST",
    role="admin",
    content="multipart/form-data",
    status=201,
    summary="Upload a model package archive (.tar.gz, .tgz, .tar or .zip) as form field 'package'",
    responses={413: "too large", 422: "not a usable package"},
)
def upload(user: dict[str, Any]) -> Any:
    limit = web_config().max_upload_mb * 1024 * 1024
    request.max_content_length = limit
    if not request.mimetype.startswith("multipart/form-data"):
        raise ApiError(415, "send the package as multipart/form-data, field 'package'")
    file = request.files.get("package")
    if file is None or not file.filename:
        raise field_error("body", "package", "attach the archive as form field 'package'")
    filename = Path(file.filename).name.lower()
    if not filename.endswith((".tar.gz", ".tgz", ".tar", ".zip")):
        raise field_error("body", "package", "expected a .tar.gz, .tgz, .tar or .zip archive")
    stem = (
        _NAME_RE.sub("-", re.sub(r"(\.tar\.gz|\.tgz|\.tar|\.zip)$", "", filename))[:40] or "model"
    )
    root = upload_root()
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    dest = root / f"{stem}-{time.strftime('%Y%m%dT%H%M%S')}-{time.time_ns() % 1000:03d}"
    archive = root / f".upload-{dest.name}-{filename}"
    try:
        # 0600 from the start: the archive is the package, secrets and code alike.
        with os.fdopen(os.open(archive, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as f:
            file.save(f)
        try:
            unpack_package(archive, dest, limit * UNPACK_FACTOR)
        except PackageTooLarge as err:
            raise ApiError(413, str(err)) from None
        except ModelError as err:
            raise ApiError(422, str(err)) from None
        package = _package_dir(dest)
        # The whole package is checked: a library, a link or any file the signed list
        # does not name is refused (each machine builds its own library from the C).
        try:
            manifest, signer = check_upload(package, trusted_keys())
        except ModelError as err:
            services().state.audit.record(
                "model_upload_refused", email=user["email"], name=filename, reason=str(err)[:300]
            )
            raise ApiError(422, str(err), code="bad_package") from None
    except ApiError:
        shutil.rmtree(dest, ignore_errors=True)
        raise
    finally:
        archive.unlink(missing_ok=True)
    services().state.audit.record(
        "model_uploaded",
        email=user["email"],
        path=str(package),
        name=manifest["name"],
        signed_by=signer,
    )
    return json_response(
        {
            "path": str(package),
            "name": manifest["name"],
            "classes": manifest["classes"],
            "metrics": manifest.get("metrics"),
        },
        201,
    )


def resolve_package(path: str) -> Path:
    roots = package_roots()
    candidates = [Path(path)] if Path(path).is_absolute() else [r / path for r in roots]
    for cand in candidates:
        try:
            real = cand.resolve()
            # is_file() raises on a name too long for the file system (ENAMETOOLONG).
            if any(real.is_relative_to(r) for r in roots) and (real / "manifest.json").is_file():
                return real
        except (OSError, RuntimeError, ValueError):
            continue
    raise field_error("body", "path", "not a model package under " + " or ".join(map(str, roots)))


@api_route(
    bp,
    "/model/activate",
    "POST",
    role="admin",
    body=ModelActivateIn,
    summary="Verify a package against its golden file and make it the active model",
    responses={422: "the package was refused", 503: "hot swap is not available"},
)
def activate(user: dict[str, Any], body: ModelActivateIn) -> Any:
    slot = services().facade.services.model
    if slot is None:
        raise ApiError(
            503, "model hot swap is not available on this gateway", code="service_unavailable"
        )
    package = resolve_package(body.path)
    try:
        model = run(slot.activate(package), timeout=600.0)
    except ModelError as err:
        services().state.audit.record(
            "model_refused", email=user["email"], path=str(package), reason=str(err)
        )
        raise ApiError(422, str(err), code="bad_package") from None
    services().state.audit.record("model_activated", email=user["email"], path=str(package))
    return json_response(_describe(model))


@api_route(
    bp,
    "/model/rollback",
    "POST",
    role="admin",
    summary="Go back to the model that was active before the last change",
    responses={409: "no previous model", 503: "hot swap is not available"},
)
def rollback(user: dict[str, Any]) -> Any:
    slot = services().facade.services.model
    if slot is None:
        raise ApiError(
            503, "model hot swap is not available on this gateway", code="service_unavailable"
        )
    try:
        model = run(slot.rollback())
    except ModelError as err:
        raise ApiError(409, str(err), code="no_previous") from None
    services().state.audit.record("model_rolled_back", email=user["email"])
    return json_response(_describe(model))
