"""Config model of the command channel on the upstream MQTT link (docs/commands.md)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from gateway.config.base import StrictModel
from gateway.config.writes import WriteRole


def _check_topic(template: str) -> str:
    rest = template.replace("{gateway_id}", "")
    if "{" in rest or "}" in rest:
        raise ValueError("only {gateway_id} may appear in braces")
    if "#" in template or "+" in template or not template or template.startswith("$"):
        raise ValueError("a command topic holds no wildcard, is not empty, does not start with $")
    return template


class SignatureConfig(StrictModel):
    """What proves a request comes from the cloud side (besides the broker's own ACLs).

    ``hmac-sha256``: a key shared by both sides; ``ed25519``: the cloud signs with its
    private key, the gateway holds the public one (``ed25519:<base64>`` or a PEM file).
    """

    kind: Literal["none", "hmac-sha256", "ed25519"] = "none"
    key: str | None = Field(
        None,
        min_length=1,
        description="hmac-sha256: the shared key (masked everywhere); ed25519: the public key",
    )
    key_file: str | None = Field(None, description="the key read from this file instead")

    @model_validator(mode="after")
    def _key(self) -> SignatureConfig:
        if self.key is not None and self.key_file is not None:
            raise ValueError("give key or key_file, not both")
        if self.kind != "none" and self.key is None and self.key_file is None:
            raise ValueError(f"signature {self.kind} needs key or key_file")
        if self.kind == "none" and (self.key is not None or self.key_file is not None):
            raise ValueError("a key is set but signature kind is none")
        return self


class CommandsConfig(StrictModel):
    """Requests from the cloud over the upstream connection, answered with their id."""

    enabled: bool = False
    request_topic: str = "aastreli/{gateway_id}/command/request"
    response_topic: str = Field(
        "aastreli/{gateway_id}/command/response",
        description="where answers go unless an MQTT 5 request names its response topic",
    )
    max_age: float = Field(
        30.0, gt=0, le=3600, description="seconds after issued_at a request is still taken"
    )
    max_skew: float = Field(
        5.0, ge=0, le=600, description="seconds a request's issued_at may lie in the future"
    )
    signature: SignatureConfig = SignatureConfig()
    role: WriteRole = Field("operator", description="the role cloud commands act with")
    max_concurrent: int = Field(4, ge=1, le=32, description="commands run at once; more wait")
    sparkplug_dcmd: bool = Field(
        True, description="with upstream format sparkplug_b: writes by DCMD to writable metrics"
    )

    @field_validator("request_topic", "response_topic")
    @classmethod
    def _topics(cls, v: str) -> str:
        return _check_topic(v)
