"""Per-feature contributions in C: TreeSHAP and Saabas over the package's own trees, generated.

Compile-time only (``aastreli model compile``): reads the trees from XGBoost's JSON dump
of the package's model file and writes ``aastreli_contribs.c``, one more source file of
the package, compiled into the same library as TL2cgen's trees and signed with them.

The generated file holds the trees as tables (children, split feature, threshold as the
float XGBoost compares, default direction of a missing value, leaf values, covers and
each node's cover-weighted mean value) and one entry point::

    int32_t aastreli_contribs_rows(const double* rows, int64_t n_rows,
                                   const int32_t* classes, int32_t mode, double* out)

``rows`` as the prediction shim takes them (NaN = missing), ``classes`` the class whose
margin is explained for each row, ``mode`` 0 = Saabas, 1 = exact TreeSHAP; ``out`` gets
``num_feature + 1`` doubles per row: one contribution per feature, then the bias (the
expected margin plus the base score). They add up to the class's margin (log-odds),
which is what XGBoost's ``pred_contribs`` (mode 1) and ``pred_contribs`` with
``approx_contribs`` (mode 0) return for that class.

- **Saabas** follows the row's path through each tree and credits each split's feature
  with the change of the node's mean value: one path per tree, about the cost of
  predicting that class.
- **TreeSHAP** (Lundberg et al. 2018, Algorithm 2) gives the exact Shapley values of the
  tree ensemble under the path-dependent ("tree_path_dependent") feature perturbation:
  every leaf of every tree of the class is visited.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import numpy as np

from gateway.model.errors import ModelError
from gateway.model.package import CONTRIBS_ABI

_F32 = np.float32


class _Tables:
    """Every tree's nodes in one set of flat arrays (children as absolute indices)."""

    def __init__(self) -> None:
        self.left: list[int] = []
        self.right: list[int] = []
        self.feature: list[int] = []
        self.threshold: list[float] = []
        self.default_left: list[int] = []
        self.value: list[float] = []
        self.cover: list[float] = []
        self.roots: list[int] = []
        self.max_depth = 0

    def add_tree(self, tree: dict[str, Any]) -> None:
        base = len(self.left)
        lefts, rights = tree["left_children"], tree["right_children"]
        if any(t != 0 for t in tree.get("split_type", [])):
            raise ModelError("contributions: categorical splits are not supported")
        means = _node_means(tree)
        for i, left in enumerate(lefts):
            leaf = left == -1
            self.left.append(-1 if leaf else base + left)
            self.right.append(-1 if leaf else base + rights[i])
            self.feature.append(0 if leaf else int(tree["split_indices"][i]))
            self.threshold.append(0.0 if leaf else float(_F32(tree["split_conditions"][i])))
            self.default_left.append(int(tree["default_left"][i]))
            self.value.append(means[i])
            self.cover.append(float(_F32(tree["sum_hessian"][i])))
        self.roots.append(base)
        self.max_depth = max(self.max_depth, _depth(lefts, rights))


def _node_means(tree: dict[str, Any]) -> list[float]:
    """Leaf values, and for inner nodes the cover-weighted mean of their children.

    Computed in float32 in XGBoost's own order (left·cover + right·cover, over the node's
    cover), so both modes start from the very numbers ``pred_contribs`` uses.
    """
    lefts, rights = tree["left_children"], tree["right_children"]
    cond, hess = tree["split_conditions"], tree["sum_hessian"]
    means: list[Any] = [None] * len(lefts)

    def mean(i: int) -> Any:
        if lefts[i] == -1:
            means[i] = _F32(cond[i])
        else:
            a, b = lefts[i], rights[i]
            result = mean(a) * _F32(hess[a])
            result = _F32(result + mean(b) * _F32(hess[b]))
            means[i] = _F32(result / _F32(hess[i]))
        return means[i]

    mean(0)
    return [float(m) for m in means]


def _depth(lefts: Sequence[int], rights: Sequence[int]) -> int:
    deepest, stack = 0, [(0, 0)]
    while stack:
        node, d = stack.pop()
        deepest = max(deepest, d)
        if lefts[node] != -1:
            stack += [(lefts[node], d + 1), (rights[node], d + 1)]
    return deepest


def _base_margins(learner: dict[str, Any], groups: int) -> list[float]:
    raw = str(learner["learner_model_param"].get("base_score", "0"))
    values = json.loads(raw) if raw.startswith("[") else [float(raw)] * groups
    if len(values) != groups:
        raise ModelError(f"contributions: {len(values)} base scores for {groups} classes")
    return [float(_F32(v)) for v in values]


def read_trees(model_json: dict[str, Any]) -> tuple[_Tables, list[list[int]], list[float], int]:
    """Tables, the tree indices per class, the base margins, and the feature count."""
    learner = model_json["learner"]
    objective = learner["objective"]["name"]
    booster = learner["gradient_booster"]
    if booster.get("name") != "gbtree":
        raise ModelError(
            f"contributions: booster {booster.get('name')!r}, only gbtree is supported"
        )
    if not objective.startswith("multi:"):
        raise ModelError(
            f"contributions: objective {objective!r}; the gateway's models are multi:*"
        )
    params = learner["learner_model_param"]
    groups = int(params["num_class"])
    n_feature = int(params["num_feature"])
    model = booster["model"]
    tables = _Tables()
    per_class: list[list[int]] = [[] for _ in range(groups)]
    for i, (tree, group) in enumerate(zip(model["trees"], model["tree_info"], strict=True)):
        tables.add_tree(tree)
        per_class[int(group)].append(i)
    return tables, per_class, _base_margins(learner, groups), n_feature


def _array(ctype: str, name: str, values: Sequence[Any], fmt: str, per_line: int = 12) -> str:
    items = [fmt % v for v in values]
    lines = [",".join(items[i : i + per_line]) for i in range(0, len(items), per_line)]
    joined = ",\n  ".join(lines)
    return f"static const {ctype} {name}[{len(values)}] = {{\n  {joined}\n}};\n"


def generate_c(model_json: dict[str, Any]) -> str:
    """The C source of ``aastreli_contribs.c`` for this XGBoost model (its JSON dump)."""
    tables, per_class, base, n_feature = read_trees(model_json)
    order = [t for trees in per_class for t in trees]
    first = [0]
    for trees in per_class:
        first.append(first[-1] + len(trees))
    # The path buffer of the recursion: depth+1 elements at each of depth+2 levels.
    levels = tables.max_depth + 2
    tables_c = "".join(
        [
            _array("int32_t", "tree_root", tables.roots, "%d"),
            _array("int32_t", "class_first", first, "%d"),
            _array("int32_t", "class_trees", order, "%d"),
            _array("double", "base_margin", base, "%.17e", 4),
            _array("int32_t", "node_left", tables.left, "%d"),
            _array("int32_t", "node_right", tables.right, "%d"),
            _array("int32_t", "node_feature", tables.feature, "%d"),
            # 9 significant digits give back the float exactly; "f" keeps it a float.
            _array("float", "node_threshold", tables.threshold, "%.8ef", 6),
            _array("unsigned char", "node_default_left", tables.default_left, "%d"),
            # Leaf values, covers and XGBoost's mean values are all float32 numbers: stored
            # as floats (exact), computed with in double.
            _array("float", "node_value", tables.value, "%.8ef", 6),
            _array("float", "node_cover", tables.cover, "%.8ef", 6),
        ]
    )
    return (
        _HEAD.format(
            abi=CONTRIBS_ABI,
            nf=n_feature,
            nc=len(per_class),
            path=levels * (levels + 1) // 2,
        )
        + tables_c
        + _BODY
    )


_HEAD = """\
/* aastreli_contribs.c: per-feature contributions (Saabas and exact TreeSHAP) of this
 * package's trees, for the class each row asks about.
 *
 * Written by `aastreli model compile` from XGBoost's JSON dump of model.ubj; part of the
 * package's checksummed, signed source, compiled into the same library as the trees.
 * Split rule as XGBoost's and TL2cgen's: a missing value (NaN) takes the node's default
 * child, any other value goes left when (float)value < threshold.
 * Never compile with -ffast-math: it may drop the isnan() that marks missing values.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#define AASTRELI_CONTRIBS_ABI {abi}
#define NF {nf}
#define NC {nc}
#define PATH_LEN {path}

int32_t aastreli_contribs_abi(void) {{
  return AASTRELI_CONTRIBS_ABI;
}}

int32_t aastreli_contribs_num_feature(void) {{
  return NF;
}}

"""

_BODY = """
typedef struct {
  int32_t feature;
  double zero; /* share of the cover that reaches here without the feature fixed */
  double one;  /* 1 when the row itself goes this way, else 0 */
  double weight;
} path_el;

static int32_t next_node(int32_t n, const float* x, const unsigned char* missing) {
  const int32_t f = node_feature[n];
  if (missing[f]) {
    return node_default_left[n] ? node_left[n] : node_right[n];
  }
  return x[f] < node_threshold[n] ? node_left[n] : node_right[n];
}

static void saabas_tree(int32_t n, const float* x, const unsigned char* missing, double* phi) {
  double v = node_value[n];
  phi[NF] += v;
  while (node_left[n] >= 0) {
    const int32_t f = node_feature[n];
    n = next_node(n, x, missing);
    phi[f] += node_value[n] - v;
    v = node_value[n];
  }
}

static void extend_path(path_el* p, int d, double zero, double one, int32_t feature) {
  p[d].feature = feature;
  p[d].zero = zero;
  p[d].one = one;
  p[d].weight = d == 0 ? 1.0 : 0.0;
  for (int i = d - 1; i >= 0; --i) {
    p[i + 1].weight += one * p[i].weight * (i + 1) / (double)(d + 1);
    p[i].weight = zero * p[i].weight * (d - i) / (double)(d + 1);
  }
}

static void unwind_path(path_el* p, int d, int index) {
  const double one = p[index].one;
  const double zero = p[index].zero;
  double next = p[d].weight;
  for (int i = d - 1; i >= 0; --i) {
    if (one != 0) {
      const double kept = p[i].weight;
      p[i].weight = next * (d + 1) / ((i + 1) * one);
      next = kept - p[i].weight * zero * (d - i) / (double)(d + 1);
    } else {
      p[i].weight = p[i].weight * (d + 1) / (zero * (d - i));
    }
  }
  for (int i = index; i < d; ++i) {
    p[i].feature = p[i + 1].feature;
    p[i].zero = p[i + 1].zero;
    p[i].one = p[i + 1].one;
  }
}

static double unwound_sum(const path_el* p, int d, int index) {
  const double one = p[index].one;
  const double zero = p[index].zero;
  double next = p[d].weight;
  double total = 0;
  for (int i = d - 1; i >= 0; --i) {
    if (one != 0) {
      const double w = next * (d + 1) / ((i + 1) * one);
      total += w;
      next = p[i].weight - w * zero * ((d - i) / (double)(d + 1));
    } else if (zero != 0) {
      total += (p[i].weight / zero) / ((d - i) / (double)(d + 1));
    }
  }
  return total;
}

/* Lundberg's recursive TreeSHAP: `parent` holds the unique path so far (d + 1 entries);
 * each level works on its own copy right after it, so the buffer grows with depth. */
static void shap_node(int32_t n, const float* x, const unsigned char* missing, double* phi,
                      path_el* parent, int d, double zero, double one, int32_t feature) {
  path_el* p = parent + d + 1;
  memcpy(p, parent, sizeof(path_el) * (size_t)(d + 1));
  extend_path(p, d, zero, one, feature);
  if (node_left[n] < 0) {
    for (int i = 1; i <= d; ++i) {
      const double w = unwound_sum(p, d, i);
      phi[p[i].feature] += w * (p[i].one - p[i].zero) * node_value[n];
    }
    return;
  }
  const int32_t split = node_feature[n];
  const int32_t hot = next_node(n, x, missing);
  const int32_t cold = hot == node_left[n] ? node_right[n] : node_left[n];
  const double cover = node_cover[n];
  double in_zero = 1.0;
  double in_one = 1.0;
  int k = 0;
  while (k <= d && p[k].feature != split) {
    ++k;
  }
  if (k <= d) { /* the feature was split on above: undo that split and redo it here */
    in_zero = p[k].zero;
    in_one = p[k].one;
    unwind_path(p, d, k);
    d -= 1;
  }
  shap_node(hot, x, missing, phi, p, d + 1, node_cover[hot] / cover * in_zero, in_one, split);
  shap_node(cold, x, missing, phi, p, d + 1, node_cover[cold] / cover * in_zero, 0.0, split);
}

/* rows: n_rows x NF doubles, NaN = missing; classes: the class explained for each row;
 * mode: 0 Saabas, 1 TreeSHAP; out: n_rows x (NF + 1) doubles, the bias last.
 * Returns 0, or -1 for an unknown mode, -2 for a class index out of range. */
int32_t aastreli_contribs_rows(const double* rows, int64_t n_rows, const int32_t* classes,
                               int32_t mode, double* out) {
  if (mode != 0 && mode != 1) {
    return -1;
  }
  float x[NF];
  unsigned char missing[NF];
  path_el path[PATH_LEN + 1];
  for (int64_t i = 0; i < n_rows; ++i) {
    const double* r = rows + i * NF;
    const int32_t k = classes[i];
    if (k < 0 || k >= NC) {
      return -2;
    }
    for (int32_t j = 0; j < NF; ++j) {
      missing[j] = (unsigned char)(isnan(r[j]) != 0);
      x[j] = missing[j] ? 0.0f : (float)r[j];
    }
    double* phi = out + i * (NF + 1);
    memset(phi, 0, sizeof(double) * (NF + 1));
    for (int32_t t = class_first[k]; t < class_first[k + 1]; ++t) {
      const int32_t root = tree_root[class_trees[t]];
      if (mode == 0) {
        saabas_tree(root, x, missing, phi);
      } else {
        phi[NF] += node_value[root];
        shap_node(root, x, missing, phi, path, 0, 1.0, 1.0, -1);
      }
    }
    phi[NF] += base_margin[k];
  }
  return 0;
}
"""
