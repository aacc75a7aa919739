"""The training data's reference per feature, for drift checks on the device (train extra).

``aastreli model train`` computes it from the rows the model was fitted on and
``compile`` copies it into the manifest (``reference``), where the signature covers it:

- ``min``/``max``: the training range over every row (any class); a reading outside it
  is flagged ``out_of_range`` with its prediction;
- ``edges``: quantile cut points (20 bins) of the rows the model itself labels
  ``normal`` (the state a plant spends its time in, so the bins are finest there);
  values equal to an edge go to the upper bin, as ``bisect.bisect_right`` puts them;
- ``shares``: the share of those rows in each bin, the expected distribution when the
  drift baseline is ``training``;
- ``missing``: the share of missing values in the training rows.

Quantiles are of the values as given (doubles), missing values left out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

REFERENCE_BINS = 20
REFERENCE_CLASS = "normal"


def compute_reference(
    rows: Sequence[Sequence[float | None]],
    predicted: Sequence[str],
    features: Sequence[str],
    *,
    bins: int = REFERENCE_BINS,
    reference_class: str = REFERENCE_CLASS,
) -> dict[str, Any]:
    """The reference of ``rows`` (training rows, None = missing), labelled by the model."""
    import numpy as np

    x = np.array([[math.nan if v is None else v for v in r] for r in rows], dtype=np.float64)
    mask = np.array([p == reference_class for p in predicted])
    if not mask.any():  # a model that never says normal: the whole training set
        mask[:] = True
    quantiles = np.linspace(0.0, 1.0, bins + 1)[1:-1]
    out: dict[str, Any] = {}
    for j, name in enumerate(features):
        col = x[:, j]
        valid = col[~np.isnan(col)]
        ref = col[mask]
        ref = ref[~np.isnan(ref)]
        if not len(valid) or not len(ref):
            continue  # a feature never seen: no reference, never flagged
        # 7 significant digits: more than a sensor resolves, and a readable manifest.
        edges = sorted({float(f"{e:.7g}") for e in np.quantile(ref, quantiles)})
        counts = np.bincount(np.searchsorted(edges, ref, side="right"), minlength=len(edges) + 1)
        out[name] = {
            "min": float(valid.min()),
            "max": float(valid.max()),
            "edges": edges,
            "shares": [round(float(c) / len(ref), 6) for c in counts],
            "missing": round(float(np.isnan(col).mean()), 6),
        }
    return {
        "class": reference_class,
        "rows": len(x),
        "rows_in_class": int(mask.sum()),
        "bins": bins,
        "features": out,
    }
