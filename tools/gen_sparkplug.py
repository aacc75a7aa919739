#!/usr/bin/env python3
"""Generate gateway/upstream/sparkplug/sparkplug_b_pb2.py from sparkplug_b.proto.

Uses protoc as shipped in the grpcio-tools wheel (a dev dependency, pinned in
constraints.txt) and puts a provenance header on top. ``--check`` exits 1 when the
committed module differs from a fresh generation.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "gateway" / "upstream" / "sparkplug"
PROTO = HERE / "sparkplug_b.proto"
OUT = HERE / "sparkplug_b_pb2.py"


def generate() -> str:
    from grpc_tools import protoc  # type: ignore[import-untyped]

    with tempfile.TemporaryDirectory() as tmp:
        rc = protoc.main(
            ["protoc", f"-I{HERE}", f"--python_out={tmp}", str(PROTO)]
        )
        if rc != 0:
            raise SystemExit(f"protoc failed ({rc})")
        body = (Path(tmp) / "sparkplug_b_pb2.py").read_text()
    header = (
        "# Generated from sparkplug_b.proto (beside this file) by tools/gen_sparkplug.py:\n"
        f"# protoc of grpcio-tools {version('grpcio-tools')}, protobuf {version('protobuf')}.\n"
        "# Do not edit; change the .proto and run the tool again.\n"
        "# ruff: noqa\n"
        "# mypy: ignore-errors\n"
    )
    return header + body


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    text = generate()
    if args.check:
        if OUT.read_text() != text:
            print(f"{OUT} is stale: run tools/gen_sparkplug.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
