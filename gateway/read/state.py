"""The read models and commands over the state store, bundled for the web UI and its CLI."""

from __future__ import annotations

from dataclasses import dataclass

from gateway.read.access import DisplayLinks, LoginCounters, RevokedSessions
from gateway.read.activations import Activation, activations
from gateway.read.audit import Audit
from gateway.read.feedback import Feedback
from gateway.read.settings import Settings
from gateway.read.thresholds import AlertThresholds
from gateway.read.users import Users
from gateway.state.store import Store


@dataclass(frozen=True)
class StateViews:
    users: Users
    settings: Settings
    audit: Audit
    feedback: Feedback
    sessions: RevokedSessions
    logins: LoginCounters
    display_links: DisplayLinks
    thresholds: AlertThresholds
    _store: Store

    @classmethod
    def of(cls, store: Store) -> StateViews:
        return cls(
            users=Users(store),
            settings=Settings(store),
            audit=Audit(store),
            feedback=Feedback(store),
            sessions=RevokedSessions(store),
            logins=LoginCounters(store),
            display_links=DisplayLinks(store),
            thresholds=AlertThresholds(store),
            _store=store,
        )

    def activations(self, limit: int = 20) -> list[Activation]:
        """The active model's changes, newest first."""
        return activations(self._store, limit)

    def close(self) -> None:
        """Close the store under them (a CLI's own store; never the running gateway's)."""
        self._store.close()
