"""OPC UA node resolution: each configured point to a NodeId of the current session.

A point's ``node`` is a node id (``ns=2;s=Pump1.Flow``), a node id by namespace URI
(``nsu=urn:plant;s=Pump1.Flow``) or a browse path from the Root folder
(``0:Objects/2:Pump1/2:Flow``). Namespace URIs and browse paths are resolved again on
every connection: a restarted server may number its namespaces or nodes differently.
Browse paths go to the server in as few TranslateBrowsePathsToNodeIds calls as its
limit allows. A point the server does not have comes back with the reason, for the
source to report; the others run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from gateway.config.sources import OpcuaPointConfig
from gateway.sources.opcua_lib import ua
from gateway.sources.opcua_session import OpcuaSession, numeric

T = TypeVar("T")


@dataclass(slots=True)
class Point:
    handle: int  # client handle of its monitored item: index in the config + 1
    sensor_id: str
    feature: str
    config: OpcuaPointConfig
    nodeid: ua.NodeId | None = None  # resolved at each connection


def points_of(configs: Sequence[OpcuaPointConfig]) -> list[Point]:
    return [Point(i + 1, p.sensor_id, p.feature, p) for i, p in enumerate(configs)]


async def resolve(session: OpcuaSession, points: Sequence[Point]) -> list[tuple[Point, str]]:
    """Set every point's ``nodeid`` for this session; the points that failed, and why."""
    paths: list[Point] = []
    failed: list[tuple[Point, str]] = []
    for p in points:
        p.nodeid = None
        text = p.config.node
        if is_browse_path(text):
            paths.append(p)
            continue
        nodeid = ua.NodeId.from_string(text)
        uri = getattr(nodeid, "NamespaceUri", None)
        if uri:
            namespaces = await session.namespaces()
            if uri not in namespaces:
                failed.append((p, f"namespace {uri} is unknown to the server"))
                continue
            nodeid = ua.NodeId(
                nodeid.Identifier, ua.Int16(namespaces.index(uri)), nodeid.NodeIdType
            )
        p.nodeid = nodeid
    per_call = (await session.limits()).translate if paths else 0
    for chunk in chunks(paths, per_call):
        results = await session.services.translate_browsepaths_to_nodeids(
            [browse_path(p.config.node) for p in chunk]
        )
        for p, res in zip(chunk, results, strict=True):
            if res.StatusCode.is_good() and res.Targets:
                p.nodeid = res.Targets[0].TargetId
            else:
                failed.append((p, f"browse path not found ({res.StatusCode.name})"))
    for p, _ in failed:
        p.nodeid = None
    return failed


def is_browse_path(node: str) -> bool:
    return not re.match(r"^(ns=\d+;|nsu=[^;]+;)?[isgb]=", node)


def browse_path(text: str) -> ua.BrowsePath:
    """``0:Objects/2:Pump1/2:Flow`` from the Root folder, following hierarchical references."""
    elements = []
    for part in text.strip("/").split("/"):
        ns, _, name = part.partition(":")
        elements.append(
            ua.RelativePathElement(
                ReferenceTypeId=numeric(ua.ObjectIds.HierarchicalReferences),
                # asyncua annotates these as its Boolean class; the encoder takes a bool.
                IsInverse=False,  # type: ignore[arg-type]
                IncludeSubtypes=True,  # type: ignore[arg-type]
                TargetName=ua.QualifiedName(name, int(ns)),
            )
        )
    return ua.BrowsePath(
        StartingNode=numeric(ua.ObjectIds.RootFolder),
        RelativePath=ua.RelativePath(Elements=elements),
    )


def chunks(items: Sequence[T], size: int) -> Iterable[Sequence[T]]:
    """``items`` in requests of at most ``size`` (0: one request)."""
    if not items:
        return
    size = size or len(items)
    for i in range(0, len(items), size):
        yield items[i : i + size]
