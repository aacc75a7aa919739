"""Shadow models: a candidate package predicts beside the active one, and never alerts.

The candidate is verified as any package is before it runs (signature against the
trusted keys, build, load, golden file, contributions) by the slot's ``prepare``. Then
every batch the active model predicts is predicted by the candidate too, from the same
rows; its predictions go nowhere but into ``ShadowStats``: how often the two agree on
the label, the confusion matrix between them (rows: the active model's label, columns:
the candidate's), and the candidate's confidence. Nothing the candidate says reaches
the sinks, so it opens no alert and sends nothing upstream.

Promotion makes the candidate the active model through the slot (the old one stays
loaded for rollback, as after any activation): by an admin, or by itself once
``promote_after`` readings were compared with at least ``promote_agreement`` agreement.
Cost: one more native call per batch (about the active model's own) and the memory of
one more library (measured in bench/bench_insight.py).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gateway.records import Prediction

log = logging.getLogger("gateway.model")

CONFIDENCE_BUCKETS = 10  # the candidate's confidence histogram: 0-0.1, ..., 0.9-1.0


@dataclass(slots=True)
class ShadowStats:
    """What the comparison found so far."""

    readings: int = 0  # rows both models predicted
    agree: int = 0
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)
    confidence_sum: float = 0.0
    confidence: list[int] = field(default_factory=lambda: [0] * CONFIDENCE_BUCKETS)
    errors: int = 0  # batches the candidate refused

    @property
    def agreement(self) -> float | None:
        return self.agree / self.readings if self.readings else None

    def to_dict(self) -> dict[str, Any]:
        # Read from the web UI's threads while the loop counts: copy first (one C call).
        confusion = dict(self.confusion)
        active = sorted({a for a, _ in confusion})
        candidate = sorted({c for _, c in confusion})
        return {
            "readings": self.readings,
            "agree": self.agree,
            "agreement": round(self.agreement, 6) if self.agreement is not None else None,
            "confusion": {
                "active": active,
                "candidate": candidate,
                "counts": [[confusion.get((a, c), 0) for c in candidate] for a in active],
            },
            "candidate_confidence": {
                "mean": round(self.confidence_sum / self.readings, 6) if self.readings else None,
                "histogram": list(self.confidence),
            },
            "errors": self.errors,
        }


class Shadow:
    """A verified candidate model and its comparison with the active one."""

    def __init__(
        self,
        candidate: Any,
        package_dir: str,
        *,
        promote_after: int | None = None,
        promote_agreement: float = 0.98,
        on_due: Callable[[Shadow], None] | None = None,
        started_by: str | None = None,
    ) -> None:
        self.candidate = candidate
        self.package_dir = package_dir
        self.promote_after = promote_after
        self.promote_agreement = promote_agreement
        self.on_due = on_due
        self.started = time.time()
        self.started_by = started_by
        self.stats = ShadowStats()
        self.promoted = False

    def observe(
        self, rows: Sequence[Sequence[float | None]], active: Sequence[Prediction | None]
    ) -> None:
        """Predict the batch's rows with the candidate and compare with the active answers."""
        from gateway.model.errors import ModelError

        keep = [i for i, p in enumerate(active) if p is not None]
        if not keep:
            return
        try:
            theirs = self.candidate.predict([rows[i] for i in keep])
        except ModelError:
            self.stats.errors += 1
            return
        st = self.stats
        confusion = st.confusion
        for i, q in zip(keep, theirs, strict=True):
            p = active[i]
            if p is None or q is None:
                continue
            st.readings += 1
            if p.label == q.label:
                st.agree += 1
            key = (p.label, q.label)
            confusion[key] = confusion.get(key, 0) + 1
            st.confidence_sum += q.confidence
            st.confidence[min(int(q.confidence * CONFIDENCE_BUCKETS), CONFIDENCE_BUCKETS - 1)] += 1
        if self.due() and self.on_due is not None:
            self.promoted = True  # once: the callback promotes
            self.on_due(self)

    def due(self) -> bool:
        """Automatic promotion's rule: enough readings compared, enough agreement."""
        after, agreement = self.promote_after, self.stats.agreement
        return (
            not self.promoted
            and after is not None
            and self.stats.readings >= after
            and agreement is not None
            and agreement >= self.promote_agreement
        )

    def info(self) -> dict[str, Any]:
        describe = getattr(self.candidate, "info", None)
        return {
            "candidate": describe() if callable(describe) else {"name": self.candidate.name},
            "package_dir": self.package_dir,
            "started": self.started,
            "started_by": self.started_by,
            "promote_after": self.promote_after,
            "promote_agreement": self.promote_agreement,
            "stats": self.stats.to_dict(),
        }


class ShadowControl:
    """Start, stop and promote the shadow model; runs on the gateway's event loop.

    ``slot`` is the model slot (verification, activation, rollback), ``insight`` the
    pipeline's hook that runs the shadow, ``audit`` records who did what.
    """

    def __init__(
        self,
        slot: Any,
        insight: Any,
        *,
        audit: Callable[..., None] | None = None,
        promote_after: int | None = None,
        promote_agreement: float = 0.98,
    ) -> None:
        self.slot = slot
        self.insight = insight
        self.audit = audit or (lambda event, **fields: None)
        self.promote_after = promote_after
        self.promote_agreement = promote_agreement
        self._tasks: set[asyncio.Task[Any]] = set()

    def info(self) -> dict[str, Any] | None:
        shadow = self.insight.shadow
        return shadow.info() if shadow is not None else None

    async def start(
        self,
        package_dir: Path,
        *,
        user: str | None = None,
        promote_after: int | None = None,
        promote_agreement: float | None = None,
    ) -> dict[str, Any]:
        """Verify the package as an activation would, then run it beside the active model."""
        candidate = await asyncio.to_thread(self.slot.prepare, Path(package_dir))
        shadow = Shadow(
            candidate,
            str(package_dir),
            promote_after=promote_after if promote_after is not None else self.promote_after,
            promote_agreement=promote_agreement or self.promote_agreement,
            on_due=self._due,
            started_by=user,
        )
        self.insight.shadow = shadow  # the next batch runs it
        self.audit("model.shadow_started", name=candidate.name, path=str(package_dir), user=user)
        log.info(
            "shadow model %s runs beside %s", candidate.name, self.slot.active.name,
            extra={"event": "shadow_started"},
        )  # fmt: skip
        return shadow.info()

    async def stop(self, *, user: str | None = None) -> bool:
        shadow, self.insight.shadow = self.insight.shadow, None
        if shadow is None:
            return False
        self.audit("model.shadow_stopped", name=shadow.candidate.name, user=user)
        return True

    async def promote(self, *, user: str | None = None, auto: bool = False) -> dict[str, Any]:
        """Make the candidate the active model (the current one is kept for rollback)."""
        from gateway.model.errors import ModelError

        shadow = self.insight.shadow
        if shadow is None:
            raise ModelError("no shadow model runs")
        stats = shadow.stats.to_dict()
        await asyncio.to_thread(self.slot.install, shadow.candidate)
        if self.insight.shadow is shadow:
            self.insight.shadow = None
        self.audit(
            "model.shadow_promoted",
            name=shadow.candidate.name,
            user=user,
            automatic=auto,
            readings=stats["readings"],
            agreement=stats["agreement"],
        )
        log.warning(
            "shadow model %s promoted %s after %d readings at %.2f%% agreement",
            shadow.candidate.name,
            "automatically" if auto else f"by {user}",
            stats["readings"],
            100 * (stats["agreement"] or 0),
            extra={"event": "shadow_promoted"},
        )
        return {"promoted": shadow.candidate.name, "automatic": auto, "stats": stats}

    def _due(self, shadow: Shadow) -> None:
        """Called in the pipeline's batch: the promotion itself runs as a task."""
        task = asyncio.get_running_loop().create_task(self.promote(auto=True))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
