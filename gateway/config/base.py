"""The base of every config model: strict (unknown keys are errors) and frozen."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class StrictModel(BaseModel):
    """Unknown keys are rejected; values are validated on load and never change after."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True, defer_build=True)


class ConfigError(Exception):
    """A config file that cannot be used: missing, unparsable or invalid.

    ``problems`` holds one ``(key path, reason)`` pair per mistake so the CLI can print
    them all at once.
    """

    def __init__(self, source: str, problems: list[tuple[str, str]]) -> None:
        self.source = source
        self.problems = problems
        lines = "\n".join(f"  {path or '(top level)'}: {reason}" for path, reason in problems)
        super().__init__(f"{source}: invalid configuration\n{lines}")
