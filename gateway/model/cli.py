"""``aastreli model ...``: train, compile, coverage, build, activate, info and export-feedback.

``register(subparsers)`` adds the ``model`` command to the gateway's CLI; every
subcommand's ``func`` takes the parsed Namespace and returns an exit code. ``train`` and
``compile`` need the ``train`` extra; the others run on the device.

    aastreli model train --simulator 4000 --out build/model/pump_motor
    aastreli model compile build/model/pump_motor compiled_models/pump_motor
    aastreli model coverage [compiled_models/pump_motor]
    aastreli model build [compiled_models/pump_motor]
    aastreli model info [compiled_models/pump_motor]
    aastreli model list-files [compiled_models/pump_motor] [--write]
    aastreli model sign [compiled_models/pump_motor] --key PRIVATE.pem
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from gateway.features import PLANT_CLASSES, PLANT_FEATURES
from gateway.model.errors import ModelError

DEFAULT_PACKAGE = Path("compiled_models/pump_motor")
DEFAULT_TRAIN_DIR = Path("build/model/pump_motor")

# Called by `activate` once a package is verified: (the parsed arguments, the package
# folder, the loaded model) to exit code. The gateway's CLI passes one that tells a
# running gateway to swap, or records the choice in the state store when none runs.
ActivateHook = Callable[[argparse.Namespace, Path, Any], int]


def register(
    subparsers: argparse._SubParsersAction,  # type: ignore[type-arg]
    *,
    on_activate: ActivateHook | None = None,
) -> argparse.ArgumentParser:
    model = subparsers.add_parser("model", help="train, compile, build and manage the fault model")
    sub = model.add_subparsers(dest="model_command", required=True, metavar="COMMAND")

    p = sub.add_parser("train", help="train the classifier (needs the train extra)")
    p.add_argument(
        "--simulator",
        type=int,
        metavar="N_PER_CLASS",
        help="rows per class from the plant simulator (default 4000 without --csv)",
    )
    p.add_argument("--seed", type=int, default=1, help="simulator seed")
    p.add_argument("--severity", type=float, nargs=2, default=(0.3, 1.0), metavar=("LOW", "HIGH"))
    p.add_argument(
        "--csv",
        type=Path,
        action="append",
        default=[],
        metavar="PATH",
        help="labelled readings (feature columns + label); repeatable; "
        "`export-feedback` writes this shape",
    )
    p.add_argument("--rounds", type=int, default=40)
    p.add_argument("--depth", type=int, default=4)
    p.add_argument("--eta", type=float, default=0.3)
    p.add_argument(
        "--missing-rate",
        type=float,
        default=0.03,
        help="share of values blanked while training, so gaps are learnt",
    )
    p.add_argument("--test-fraction", type=float, default=0.25)
    p.add_argument("--split-seed", type=int, default=42)
    p.add_argument(
        "--annotate", action="store_true", help="record branch frequencies for `compile --annotate`"
    )
    p.add_argument(
        "--drifted",
        choices=("weight", "exclude"),
        default="weight",
        help="rows the feedback export marks 'drifted': weigh them more (default) or leave "
        "them out (when the drift was a broken sensor)",
    )
    p.add_argument("--drift-weight", type=float, default=2.0, help="weight of a drifted row")
    p.add_argument(
        "--model",
        type=Path,
        metavar="MODEL_FILE",
        help="evaluate this trained model (e.g. a package's model.ubj) instead of fitting a "
        "new one: regenerates its training record (metrics, reference distributions)",
    )
    p.add_argument("--out", type=Path, default=DEFAULT_TRAIN_DIR)
    p.add_argument("--no-progress", action="store_true")
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("compile", help="generate the package's C, manifest and golden file")
    p.add_argument("train_dir", type=Path, nargs="?", default=DEFAULT_TRAIN_DIR)
    p.add_argument("package", type=Path, nargs="?", default=DEFAULT_PACKAGE)
    p.add_argument("--name", help="package name (default: the package folder's name)")
    p.add_argument(
        "--parallel-comp", type=int, default=8, help="translation units the trees are split into"
    )
    p.add_argument("--cflags", default="-O1", help="default flags recorded for builds")
    p.add_argument("--annotate", action="store_true", help="use the branch annotation")
    p.add_argument("--build", action="store_true", help="build the library afterwards")
    _gain_share(p)
    p.set_defaults(func=cmd_compile)

    p = sub.add_parser(
        "coverage",
        help="write the coverage rule (features that must be present) into a package's "
        "manifest (needs the train extra; sign the package again afterwards)",
    )
    p.add_argument("package", type=Path, nargs="?", default=DEFAULT_PACKAGE)
    _gain_share(p)
    p.set_defaults(func=cmd_coverage)

    p = sub.add_parser("build", help="compile the package's C for this machine (CC, CFLAGS)")
    p.add_argument("package", type=Path, nargs="?", default=DEFAULT_PACKAGE)
    p.add_argument("--cc", help="compiler (default $CC, else cc)")
    p.add_argument("--force", action="store_true", help="rebuild even when up to date")
    p.add_argument("--jobs", type=int, help="parallel compiler processes (default: cores)")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("activate", help="verify a package against its golden file and activate it")
    p.add_argument("package", type=Path)
    p.add_argument("--fallback", choices=("gtil", "refuse"), default="refuse")
    p.add_argument("--no-build", action="store_true", help="do not compile a missing library")
    p.add_argument("--config", "-c", help="the gateway's config (default: $AASTRELI_CONFIG)")
    p.set_defaults(func=lambda args: cmd_activate(args, on_activate))

    p = sub.add_parser(
        "keygen", help="make an Ed25519 key pair for signing packages (private PEM 0600)"
    )
    p.add_argument("private", type=Path, help="where to write the private key (kept secret)")
    p.add_argument("public", type=Path, help="where to write the public key (for trusted_keys)")
    p.set_defaults(func=cmd_keygen)

    p = sub.add_parser("sign", help="sign a package's manifest (writes manifest.sig)")
    p.add_argument("package", type=Path, nargs="?", default=DEFAULT_PACKAGE)
    p.add_argument("--key", type=Path, required=True, help="the Ed25519 private key (PEM)")
    p.set_defaults(func=cmd_sign)

    p = sub.add_parser(
        "list-files",
        help="compare the manifest's list of files with the folder; --write updates it",
    )
    p.add_argument("package", type=Path, nargs="?", default=DEFAULT_PACKAGE)
    p.add_argument("--write", action="store_true", help="write the list into manifest.json")
    p.set_defaults(func=cmd_list_files)

    p = sub.add_parser(
        "export", help="copy a package as an image installs it (listed files and libraries)"
    )
    p.add_argument("package", type=Path)
    p.add_argument("dest", type=Path, help="the folder to create (a package there is replaced)")
    p.add_argument(
        "--without-source", action="store_true", help="leave src/ and the model file behind"
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("verify", help="check a package's signature, files and checksums")
    p.add_argument("package", type=Path, nargs="?", default=DEFAULT_PACKAGE)
    p.add_argument(
        "--key",
        action="append",
        default=[],
        help="a trusted key ('ed25519:<base64>' or a PEM file); default: the config's",
    )
    p.add_argument("--config", "-c", help="the gateway's config (default: $AASTRELI_CONFIG)")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("info", help="show a package: classes, metrics, tools, builds")
    p.add_argument("package", type=Path, nargs="?", default=DEFAULT_PACKAGE)
    p.add_argument("--json", action="store_true", help="print the manifest as JSON")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("export-feedback", help="write operator labels as training CSV")
    p.add_argument(
        "--from",
        dest="source",
        type=Path,
        help="feedback records, JSONL or CSV (default: the gateway's state store)",
    )
    p.add_argument("--config", "-c", help="the gateway's config (default: $AASTRELI_CONFIG)")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(func=cmd_export_feedback)
    return model


def _gain_share(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--gain-share",
        type=float,
        default=0.95,
        help="coverage rule: the features carrying this share of the model's total gain "
        "must be present in a reading for it to be scored",
    )


def _fail(err: Exception) -> int:
    print(f"error: {err}", file=sys.stderr)
    return 1


def cmd_train(args: argparse.Namespace) -> int:
    try:
        from gateway.model import train
    except ImportError as err:  # pragma: no cover - the train extra is missing
        return _fail(ModelError(f"training needs the train extra (pip install .[train]): {err}"))
    simulator = args.simulator
    if simulator is None and not args.csv:
        simulator = 4000
    params = train.TrainParams(
        rounds=args.rounds,
        max_depth=args.depth,
        eta=args.eta,
        test_fraction=args.test_fraction,
        seed=args.split_seed,
        missing_rate=args.missing_rate,
        drifted=args.drifted,
        drift_weight=args.drift_weight,
    )
    try:
        data = train.load_datasets(
            features=PLANT_FEATURES,
            simulator=(simulator, args.seed) if simulator else None,
            severity=tuple(args.severity),
            csv_paths=args.csv,
        )
        print(f"{len(data.rows)} rows from {', '.join(s['kind'] for s in data.sources)}")
        record = train.train(
            data,
            args.out,
            features=PLANT_FEATURES,
            classes=PLANT_CLASSES,
            params=params,
            progress=not args.no_progress,
            annotate=args.annotate,
            model=args.model,
        )
    except (ModelError, ImportError) as err:
        return _fail(err)
    from gateway.model.metrics import format_metrics

    print(format_metrics(record["metrics"], PLANT_CLASSES))
    print(f"\nmodel written to {args.out}; next: aastreli model compile {args.out} PACKAGE")
    return 0


def cmd_compile(args: argparse.Namespace) -> int:
    try:
        from gateway.model import codegen
    except ImportError as err:  # pragma: no cover
        return _fail(ModelError(f"compiling needs the train extra (pip install .[train]): {err}"))
    started = time.monotonic()
    try:
        manifest = codegen.compile_package(
            args.train_dir,
            args.package,
            name=args.name,
            parallel_comp=args.parallel_comp,
            cflags=args.cflags.split(),
            annotate=args.annotate,
            gain_share=args.gain_share,
        )
    except (ModelError, OSError) as err:
        return _fail(err)
    print(
        f"package {manifest['name']} written to {args.package}: "
        f"{manifest['source']['bytes'] / 1024:.0f} KiB of C in {len(manifest['source']['files'])} "
        f"files, {manifest['golden']['rows']} golden rows ({time.monotonic() - started:.1f} s)"
    )
    if args.build:
        return cmd_build(argparse.Namespace(package=args.package, cc=None, force=False, jobs=None))
    return 0


def cmd_coverage(args: argparse.Namespace) -> int:
    try:
        from gateway.model.coverage_build import add_to_package
    except ImportError as err:  # pragma: no cover - the train extra is missing
        return _fail(ModelError(f"coverage needs the train extra (pip install .[train]): {err}"))
    try:
        section = add_to_package(args.package, gain_share=args.gain_share)
    except (ModelError, OSError) as err:
        return _fail(err)
    shares = section["shares"]
    required = section["required_features"]
    print(
        f"{args.package}: {len(required)} of {len(shares)} features must be present "
        f"({sum(shares[f] for f in required):.1%} of the gain):"
    )
    for f in sorted(required, key=lambda f: -shares[f]):
        print(f"  {f:36s} {shares[f]:.1%}")
    print(f"the manifest changed: sign it again (aastreli model sign {args.package} --key ...)")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from gateway.model.build import build_library, read_build_record

    try:
        library, built = build_library(args.package, args.cc, force=args.force, jobs=args.jobs)
    except ModelError as err:
        return _fail(err)
    record = read_build_record(args.package, library.parent.name) or {}
    state = f"built in {record.get('seconds')} s" if built else "up to date"
    print(
        f"{library} ({library.stat().st_size / 1024:.0f} KiB, {state}, "
        f"{record.get('cc_version', '?')}, {' '.join(record.get('cflags', []))})"
    )
    return 0


def _config_keys(config: str | None) -> list[Any]:
    """The trusted keys of the gateway's config (none when there is no config to read)."""
    from gateway import REPO_ROOT
    from gateway.config import ConfigError, load_config
    from gateway.model.signing import load_trusted_keys

    try:
        specs = load_config(config).model.trusted_keys
    except ConfigError:
        return []
    return load_trusted_keys(specs, base=REPO_ROOT)


def _upload_root(config: str | None) -> Path | None:
    """The config's upload folder (packages there must carry their source), if any."""
    from gateway.config import ConfigError, load_config
    from gateway.model.activation import upload_root

    try:
        return upload_root(load_config(config))
    except ConfigError:
        return None


def cmd_keygen(args: argparse.Namespace) -> int:
    from gateway.model.signing import generate_key_pair, key_id, public_key_text

    try:
        public = generate_key_pair(args.private, args.public)
    except FileExistsError:
        return _fail(ValueError(f"{args.private} exists; not overwriting a private key"))
    print(f"private key {args.private} (mode 0600: keep it off the gateway and out of git)")
    print(f"public key  {args.public} (key id {key_id(public)}); in model.trusted_keys as")
    print(f"  {public_key_text(public)}")
    return 0


def cmd_sign(args: argparse.Namespace) -> int:
    from gateway.model.contents import check_files
    from gateway.model.package import read_manifest, verify_source
    from gateway.model.signing import key_id, load_private_key, sign_package

    try:
        manifest = read_manifest(args.package)
        # Sign only what the manifest describes, all of it: the folder holds exactly the
        # listed files (a build's lib/ aside), with their checksums.
        check_files(args.package, manifest, built=True, complete=True)
        verify_source(args.package, manifest)
        key = load_private_key(args.key)
        path = sign_package(args.package, key)
    except ModelError as err:
        return _fail(err)
    print(
        f"{path}: {manifest['name']} signed by key {key_id(key.public_key())} "
        f"({len(manifest['files'])} files listed)"
    )
    return 0


def cmd_list_files(args: argparse.Namespace) -> int:
    from gateway.model.package import update_file_list

    try:
        added, removed, changed = update_file_list(args.package, write=args.write)
    except ModelError as err:
        return _fail(err)
    for what, names in (("added", added), ("removed", removed), ("changed", changed)):
        for name in names:
            print(f"{what:8} {name}")
    if not (added or removed or changed):
        print(f"{args.package}: the manifest lists every file of the package as it is")
        return 0
    if args.write:
        print(f"{args.package}/manifest.json updated; sign it again (aastreli model sign)")
        return 0
    print("the manifest's list differs from the folder; --write updates it")
    return 1


def cmd_export(args: argparse.Namespace) -> int:
    from gateway.model.contents import export
    from gateway.model.package import read_manifest

    try:
        names = export(
            args.package,
            read_manifest(args.package),
            args.dest,
            with_source=not args.without_source,
        )
    except (ModelError, OSError) as err:
        return _fail(err)
    libraries = [n for n in names if n.endswith(".so")]
    print(f"{args.dest}: {len(names)} files, libraries for {', '.join(libraries) or 'no machine'}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from gateway import REPO_ROOT
    from gateway.model.package import read_manifest
    from gateway.model.signing import load_trusted_keys, verify_package

    try:
        keys = (
            load_trusted_keys(args.key, base=REPO_ROOT) if args.key else _config_keys(args.config)
        )
        if not keys:
            return _fail(ValueError("no trusted key: give --key or set model.trusted_keys"))
        signer = verify_package(args.package, keys)
        manifest = read_manifest(args.package)
        checked = _verify_contents(Path(args.package), manifest, _upload_root(args.config))
    except ModelError as err:
        return _fail(err)
    print(f"{args.package}: {manifest['name']} signed by trusted key {signer}; {checked}")
    return 0


def _verify_contents(package: Path, manifest: dict[str, Any], uploads: Path | None) -> str:
    """Check what the package holds against its (verified) manifest; say what was checked.

    First the folder against the signed list of files, as at start and activation (no
    link, no unlisted file, every checksum; under the upload folder all of the source
    must be there). A package as the images install it has no ``src/`` and no model
    file: its manifest, golden file and the libraries built from the verified source,
    each with its build record. So the source is checked when it is there, else each
    library's record must name the manifest's source checksum and match the library
    (what the runtime checks at load).
    """
    from gateway.model.contents import check_files
    from gateway.model.package import (
        LIB_DIR,
        LIB_NAME,
        SRC_DIR,
        read_golden,
        verify_library,
        verify_source,
    )
    from gateway.model.slot import is_uploaded

    files = check_files(package, manifest, built=True, complete=is_uploaded(package, uploads))
    checked = [f"{files.listed} listed files match" + (" (no source)" if files.absent else "")]
    if (package / manifest["source"].get("dir", SRC_DIR)).is_dir():
        verify_source(package, manifest)
        checked.append("source matches")
    libraries = sorted((package / LIB_DIR).glob(f"*/{LIB_NAME}"))
    for library in libraries:
        verify_library(library, manifest["source"]["sha256"])
    if libraries:
        machines = ", ".join(lib.parent.name for lib in libraries)
        checked.append(f"library ({machines}) built from that source")
    if len(checked) == 1:
        raise ModelError(f"{package}: neither src/ nor a built library to check")
    read_golden(package, manifest)
    checked.append("golden file matches")
    return ", ".join(checked)


def cmd_activate(args: argparse.Namespace, hook: ActivateHook | None) -> int:
    from gateway.model.slot import ModelSlot

    try:
        model = ModelSlot(
            PLANT_FEATURES,
            fallback=args.fallback,
            build=not args.no_build,
            trusted_keys=_config_keys(args.config),
            upload_root=_upload_root(args.config),
        ).prepare(args.package)
    except ModelError as err:
        return _fail(err)
    print(f"{args.package}: {model.name} verified against its golden file ({model.backend})")
    if hook is None:
        print("not recorded: this CLI has no state store attached")
        return 0
    return hook(args, Path(args.package), model)


def cmd_info(args: argparse.Namespace) -> int:
    from gateway.model.build import read_build_record
    from gateway.model.metrics import format_metrics
    from gateway.model.package import LIB_DIR, host_machine, read_manifest

    try:
        manifest = read_manifest(args.package)
    except ModelError as err:
        return _fail(err)
    if args.json:
        print(json.dumps(manifest, indent=2))
        return 0
    params = manifest.get("training", {}).get("params", {})
    print(f"package   {manifest['name']} ({args.package}), created {manifest.get('created')}")
    print(f"features  {len(manifest['features'])}: {', '.join(manifest['features'])}")
    print(f"classes   {len(manifest['classes'])}: {', '.join(manifest['classes'])}")
    print(
        f"model     {params.get('rounds')} rounds, depth {params.get('max_depth')}, "
        f"eta {params.get('eta')}; file {manifest['model_file']}"
    )
    print(f"tools     {', '.join(f'{k} {v}' for k, v in manifest['tools'].items())}")
    print(
        f"source    {manifest['source'].get('bytes', 0) / 1024:.0f} KiB, "
        f"sha256 {manifest['source']['sha256'][:16]}…, codegen {manifest.get('codegen')}"
    )
    explain, reference = manifest.get("explain"), manifest.get("reference") or {}
    print(
        "extras    contributions: "
        + (", ".join(explain.get("modes", [])) if isinstance(explain, dict) else "none")
        + f"; drift reference: {len(reference.get('features') or {})} features"
        + (f", {reference.get('bins')} bins of '{reference.get('class')}'" if reference else "")
    )
    lib_root = Path(args.package) / LIB_DIR
    machines = sorted(p.name for p in lib_root.iterdir() if p.is_dir()) if lib_root.is_dir() else []
    for machine in machines:
        record = read_build_record(args.package, machine)
        if record:
            mark = " (this machine)" if machine == host_machine() else ""
            print(
                f"library   {machine}{mark}: {record.get('library_bytes', 0) / 1024:.0f} KiB, "
                f"{record.get('cc_version')}, {' '.join(record.get('cflags', []))}, "
                f"built {record.get('built_at')} in {record.get('seconds')} s"
            )
    if host_machine() not in machines:
        print(f"library   none for {host_machine()}: run `aastreli model build {args.package}`")
    if manifest.get("metrics", {}).get("per_class"):
        print()
        print(format_metrics(manifest["metrics"], manifest["classes"]))
    return 0


def cmd_export_feedback(args: argparse.Namespace) -> int:
    from gateway.config import ConfigError, load_config
    from gateway.model.feedback import export_feedback, read_feedback
    from gateway.state.store import StoreError, read_table

    try:
        cfg = load_config(args.config)
    except ConfigError as err:
        if args.source is None:
            print(f"error: {err}", file=sys.stderr)
            return 2
        cfg = None  # a file of records without a gateway: no drift periods to mark
    try:
        periods = read_table(cfg.data_path, "drift_periods") if cfg is not None else []
        if args.source is not None:
            records: Any = read_feedback(args.source)
        else:
            assert cfg is not None
            records = read_table(cfg.data_path, "feedback")
        result = export_feedback(records, args.out, drift_periods=periods)
    except (ModelError, StoreError) as err:
        return _fail(err)
    print(
        f"{result.written} labelled readings written to {args.out} "
        f"({result.drifted} taken during drift)"
        + (f"; {result.skipped} skipped: {result.reasons}" if result.skipped else "")
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m gateway.model.cli model ...``, for use before the gateway's CLI wires it."""
    import logging

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(prog="aastreli")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
