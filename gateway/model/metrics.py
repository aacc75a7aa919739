"""Held-out evaluation of a classifier: confusion matrix, per-class precision/recall, macro-F1."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def evaluate(
    truth: Sequence[int], predicted: Sequence[int], classes: Sequence[str]
) -> dict[str, Any]:
    """Metrics of predicted class indices against the true ones, as stored in the manifest.

    A class absent from both truth and prediction gets precision, recall and F1 of 0 and is
    left out of the macro average (it tells nothing about the model); ``support`` shows it.
    """
    k = len(classes)
    confusion = [[0] * k for _ in range(k)]
    for t, p in zip(truth, predicted, strict=True):
        confusion[t][p] += 1
    per_class: dict[str, dict[str, float | int]] = {}
    f1s: list[float] = []
    for i, name in enumerate(classes):
        tp = confusion[i][i]
        support = sum(confusion[i])
        predicted_i = sum(row[i] for row in confusion)
        precision = tp / predicted_i if predicted_i else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[name] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": support,
        }
        if support or predicted_i:
            f1s.append(f1)
    total = len(truth)
    correct = sum(confusion[i][i] for i in range(k))
    return {
        "macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else 0.0,
        "accuracy": round(correct / total, 4) if total else 0.0,
        "rows": total,
        "per_class": per_class,
        "confusion": confusion,
    }


def format_metrics(metrics: dict[str, Any], classes: Sequence[str]) -> str:
    """The metrics as a plain-text table: per-class figures, then the confusion matrix."""
    width = max(len(c) for c in classes)
    lines = [f"{'class':<{width}}  precision  recall     f1  support"]
    for name in classes:
        m = metrics["per_class"][name]
        lines.append(
            f"{name:<{width}}  {m['precision']:9.3f}  {m['recall']:6.3f}  {m['f1']:5.3f}"
            f"  {m['support']:7d}"
        )
    lines.append(
        f"macro-F1 {metrics['macro_f1']:.4f}   accuracy {metrics['accuracy']:.4f}"
        f"   held-out rows {metrics['rows']}"
    )
    lines.append("")
    lines.append("confusion matrix (rows: true class, columns: predicted, in the order above)")
    cells = max(4, *(len(str(v)) + 1 for row in metrics["confusion"] for v in row))
    header = "".join(f"{i:>{cells}}" for i in range(len(classes)))
    lines.append(f"{'':<{width + 4}}{header}")
    for i, (name, row) in enumerate(zip(classes, metrics["confusion"], strict=True)):
        lines.append(f"{name:<{width}} {i:>2} " + "".join(f"{v:>{cells}}" for v in row))
    return "\n".join(lines)
