"""``aastreli model compile``: a trained model to a package of portable C, manifest and golden file.

Needs the ``train`` extra (xgboost, treelite, tl2cgen, numpy); imported only by the CLI's
``compile`` and by tests. The device never runs this.
"""

from __future__ import annotations

import datetime
import json
import math
import platform
import random
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gateway.features import PLANT_DISPLAY
from gateway.model import contribs
from gateway.model.contents import file_list
from gateway.model.coverage_build import DEFAULT_GAIN_SHARE, coverage_section
from gateway.model.errors import ModelError
from gateway.model.package import (
    CONTRIB_MODES,
    CONTRIBS_ABI,
    CONTRIBS_ENTRY,
    CONTRIBS_FILE,
    FORMAT,
    GOLDEN,
    GOLDEN_HOLDOUT_ROWS,
    MANIFEST,
    SHIM_ABI,
    SRC_DIR,
    combined_sha256,
    sha256_file,
    source_checksums,
)
from gateway.model.train import ANNOTATION_FILE, MODEL_FILE, TRAINING_FILE

DEFAULT_PARALLEL_COMP = 8
GOLDEN_TOLERANCE = 1e-5

# The runtime's one entry point, compiled into the same library as the generated trees.
# Python hands over a whole batch as doubles (NaN = missing) and C builds each row's
# `union Entry` itself: building it from Python cost more than the trees of a small model.
SHIM_C = f"""\
/* aastreli_shim.c: the gateway runtime's entry point into TL2cgen's generated predict().
 *
 * Written by `aastreli model compile`; part of the package's checksummed source.
 * Contract of the generated code that this file honours:
 *  - a missing value is `missing = -1`; a NaN passed as fvalue would be compared as a number;
 *  - predict() adds into result with +=, so each row's result is zeroed first;
 *  - quantize is off, so data[] is not modified, but it is refilled for every row anyway.
 * Never compile with -ffast-math: it may drop the isnan() test below.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "header.h"

#define AASTRELI_ABI {SHIM_ABI}

int32_t aastreli_abi_version(void) {{
  return AASTRELI_ABI;
}}

/* rows: n_rows x get_num_feature() doubles, row after row; NaN marks a missing value.
 * out: n_rows x n_class floats, the class probabilities of each row.
 * The runtime checks the feature count once at load and each row's length before the
 * call, so the call itself takes three arguments (each one costs ctypes time). */
int32_t aastreli_predict_rows(const double* rows, int64_t n_rows, float* out) {{
  const int32_t nf = get_num_feature();
  int32_t nc = 0;
  if (N_TARGET != 1) {{
    return -1;
  }}
  get_num_class(&nc);
  union Entry data[nf];
  for (int64_t i = 0; i < n_rows; ++i) {{
    const double* x = rows + i * nf;
    for (int32_t j = 0; j < nf; ++j) {{
      if (isnan(x[j])) {{
        data[j].missing = -1;
      }} else {{
        data[j].fvalue = (float)x[j];
      }}
    }}
    float* result = out + i * nc;
    memset(result, 0, sizeof(float) * (size_t)nc);
    predict(data, 0, result);
  }}
  return 0;
}}
"""

MAKEFILE = """\
# Builds libmodel.so from this folder's C (written by `aastreli model compile`).
# balena and Buildroot call it with their own CC and CFLAGS, e.g.
#   make CC=aarch64-linux-gnu-gcc CFLAGS=-O1
# On the gateway itself `aastreli model build` does the same and records a checksum.
CFLAGS ?= {cflags}
SRCS := $(wildcard *.c)
OBJS := $(SRCS:.c=.o)

libmodel.so: $(OBJS)
\t$(CC) $(CFLAGS) $(LDFLAGS) -shared -o $@ $(OBJS) -lm

%.o: %.c header.h
\t$(CC) -std=c99 -fPIC $(CFLAGS) -c -o $@ $<

clean:
\trm -f $(OBJS) libmodel.so

.PHONY: clean
"""


def tool_versions() -> dict[str, str]:
    import numpy
    import tl2cgen
    import treelite
    import xgboost

    return {
        "xgboost": xgboost.__version__,
        "treelite": treelite.__version__,
        "tl2cgen": tl2cgen.__version__,
        "numpy": numpy.__version__,
        "python": platform.python_version(),
    }


def load_booster(path: Path) -> Any:
    import xgboost

    booster = xgboost.Booster()
    booster.load_model(str(path))
    return booster


def xgboost_probabilities(booster: Any, rows: Sequence[Sequence[float | None]]) -> Any:
    """XGBoost's own probabilities for rows with None as missing: the reference of parity."""
    import numpy as np

    x = np.array([[math.nan if v is None else v for v in row] for row in rows], dtype=np.float64)
    return booster.inplace_predict(x, missing=math.nan)


def split_thresholds(booster: Any) -> dict[int, list[float]]:
    """Every split threshold per feature index, as XGBoost stored it (float32 values)."""
    model = json.loads(booster.save_raw("json"))
    out: dict[int, set[float]] = {}
    for tree in model["learner"]["gradient_booster"]["model"]["trees"]:
        for left, feature, threshold in zip(
            tree["left_children"], tree["split_indices"], tree["split_conditions"], strict=True
        ):
            if left != -1:
                out.setdefault(int(feature), set()).add(float(threshold))
    return {f: sorted(v) for f, v in sorted(out.items())}


def xgboost_contributions(
    booster: Any, rows: Sequence[Sequence[float | None]], classes: Sequence[int]
) -> dict[str, list[list[float]]]:
    """XGBoost's own contributions (per mode) of each row's class: the reference of parity."""
    import numpy as np
    import xgboost

    x = np.array([[math.nan if v is None else v for v in row] for row in rows], dtype=np.float64)
    dmatrix = xgboost.DMatrix(x, missing=math.nan)
    out: dict[str, list[list[float]]] = {}
    for mode in CONTRIB_MODES:
        contribs = booster.predict(dmatrix, pred_contribs=True, approx_contribs=mode == "saabas")
        out[mode] = [[float(v) for v in contribs[i, k]] for i, k in enumerate(classes)]
    return out


def threshold_steps(t: float) -> list[float]:
    """A split threshold as the float XGBoost compares, and one float step either side."""
    import numpy as np

    t32 = np.float32(t)
    down, up = np.nextafter(t32, np.float32(-np.inf)), np.nextafter(t32, np.float32(np.inf))
    return [float(t32), float(down), float(up)]


def golden_rows(
    holdout: Sequence[Sequence[float | None]],
    thresholds: dict[int, list[float]],
    n_features: int,
    seed: int = 7,
) -> list[list[float | None]]:
    """Inputs for the golden file: held-out rows, rows with gaps, thresholds, extremes."""
    import numpy as np

    rng = random.Random(seed)
    base = [list(r) for r in holdout[:GOLDEN_HOLDOUT_ROWS]]
    rows: list[list[float | None]] = [list(r) for r in base]
    for row in base[:60]:  # a point with bad quality reaches the model as a missing value
        rows.append([None if rng.random() < 0.25 else v for v in row])
    rows.append([None] * n_features)
    anchor = base[0] if base else [0.0] * n_features
    pairs = [(f, t) for f, ts in thresholds.items() for t in ts]
    for f, t in rng.sample(pairs, min(40, len(pairs))):
        for v in threshold_steps(t):
            row = list(anchor)
            row[f] = v
            rows.append(row)
    big = float(np.finfo(np.float32).max)
    tiny = float(np.finfo(np.float32).tiny)
    for value in (big, -big, tiny, -tiny, 0.0, -0.0, 1e30, -1e30):
        rows.append([value] * n_features)
    return rows


def compile_package(
    train_dir: Path,
    out_dir: Path,
    *,
    name: str | None = None,
    parallel_comp: int = DEFAULT_PARALLEL_COMP,
    cflags: Sequence[str] = ("-O1",),
    annotate: bool = False,
    gain_share: float = DEFAULT_GAIN_SHARE,
) -> dict[str, Any]:
    """Generate the package for the model trained into ``train_dir``; return its manifest.

    The package is written beside ``out_dir`` and moved into place at the end, so a failed
    compile never leaves half a package behind.
    """
    import tl2cgen
    import treelite

    train_dir, out_dir = Path(train_dir), Path(out_dir)
    try:
        training = json.loads((train_dir / TRAINING_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ModelError(f"{train_dir}: not a training output ({TRAINING_FILE}): {err}") from err
    model_path = train_dir / MODEL_FILE
    features: list[str] = training["features"]
    classes: list[str] = training["classes"]
    name = name or out_dir.name

    staging = out_dir.with_name(f".{out_dir.name}.staging")
    shutil.rmtree(staging, ignore_errors=True)
    src = staging / SRC_DIR
    src.mkdir(parents=True)
    shutil.copyfile(model_path, staging / MODEL_FILE)

    tl_model = treelite.frontend.load_xgboost_model(str(model_path))
    if tl_model.num_feature != len(features):
        raise ModelError(
            f"{model_path}: the model has {tl_model.num_feature} features, "
            f"training.json lists {len(features)}"
        )
    params: dict[str, Any] = {"parallel_comp": parallel_comp, "quantize": 0}
    annotation = train_dir / ANNOTATION_FILE
    if annotate and annotation.is_file():
        params["annotate_in"] = str(annotation)
    tl2cgen.generate_c_code(tl_model, str(src), params=params)
    (src / "aastreli_shim.c").write_text(SHIM_C, encoding="utf-8")
    booster = load_booster(model_path)
    (src / CONTRIBS_FILE).write_text(
        contribs.generate_c(json.loads(booster.save_raw("json"))), encoding="utf-8"
    )
    (src / "Makefile").write_text(MAKEFILE.format(cflags=" ".join(cflags)), encoding="utf-8")
    source_files = source_checksums(src, sorted(p.name for p in src.iterdir() if p.is_file()))

    rows = golden_rows(training.get("holdout_sample", []), split_thresholds(booster), len(features))
    probs = xgboost_probabilities(booster, rows)
    predicted = [int(row.argmax()) for row in probs]
    golden = {
        "model": name,
        "note": "inputs (null = missing), the probabilities XGBoost itself computed, and "
        "its contributions (pred_contribs; approx_contribs for saabas) of each row's class",
        "rows": rows,
        "probabilities": [[float(p) for p in row] for row in probs],
        "contributions": {"class": predicted} | xgboost_contributions(booster, rows, predicted),
    }
    (staging / GOLDEN).write_text(json.dumps(golden) + "\n", encoding="utf-8")

    manifest: dict[str, Any] = {
        "format": FORMAT,
        "name": name,
        "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "features": features,
        "classes": classes,
        "num_feature": len(features),
        "num_class": len(classes),
        "model_file": MODEL_FILE,
        "model_sha256": sha256_file(staging / MODEL_FILE),
        "source": {
            "dir": SRC_DIR,
            "files": source_files,
            "sha256": combined_sha256(source_files),
            "bytes": sum((src / n).stat().st_size for n in source_files),
        },
        "golden": {
            "file": GOLDEN,
            "sha256": sha256_file(staging / GOLDEN),
            "rows": len(rows),
            "tolerance": GOLDEN_TOLERANCE,
        },
        "abi": {"entry": "aastreli_predict_rows", "version": SHIM_ABI},
        "explain": {
            "entry": CONTRIBS_ENTRY,
            "version": CONTRIBS_ABI,
            "file": CONTRIBS_FILE,
            "modes": list(CONTRIB_MODES),
            "output": "per feature, the contribution to the class's margin (log-odds); "
            "the bias (expected margin) last",
            "tolerance": GOLDEN_TOLERANCE,
        },
        "codegen": {
            "parallel_comp": parallel_comp,
            "quantize": 0,
            "annotated": "annotate_in" in params,
        },
        "build": {"cflags": list(cflags)},
        # The features a reading must carry for the model to score it (model.coverage).
        "coverage": coverage_section(booster, features, gain_share=gain_share),
        "tools": tool_versions(),
        "training": training.get("training", {}),
        "metrics": training.get("metrics", {}),
        "reference": training.get("reference", {}),
        "feature_display": {f: PLANT_DISPLAY[f] for f in features if f in PLANT_DISPLAY},
    }
    # Last, so that every file written above is listed: the signature covers them all.
    manifest["files"] = file_list(staging)
    (staging / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")

    old = out_dir.with_name(f".{out_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if out_dir.exists():
        out_dir.rename(old)
    staging.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)
    return manifest
