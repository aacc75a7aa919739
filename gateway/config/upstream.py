"""Config model of the upstream MQTT forwarder and its durable outbox."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from gateway.config.base import StrictModel
from gateway.config.sources import TlsConfig

_FIELDS = ("{gateway_id}", "{sensor_id}")


def _check_template(template: str, allowed: tuple[str, ...]) -> str:
    """A topic template may name only the fields it knows and no MQTT wildcard."""
    rest = template
    for f in allowed:
        rest = rest.replace(f, "")
    if "{" in rest or "}" in rest:
        raise ValueError(f"only {', '.join(allowed)} may appear in braces")
    if "#" in template or "+" in template:
        raise ValueError("a topic to publish to cannot hold the wildcards # or +")
    if not template or template.startswith("$"):
        raise ValueError("empty, or starts with $ (reserved for the broker)")
    return template


class UpstreamTopics(StrictModel):
    """Topic templates; ``{gateway_id}`` and ``{sensor_id}`` are filled in per message."""

    telemetry: str = "aastreli/{gateway_id}/telemetry/{sensor_id}"
    alerts: str = "aastreli/{gateway_id}/alerts/{sensor_id}"
    status: str = "aastreli/{gateway_id}/status"
    asset_state: str = Field(
        "aastreli/{gateway_id}/state/{sensor_id}",
        description="each change of an asset's data state (live, stale, offline, no_data)",
    )
    writes: str = Field(
        "aastreli/{gateway_id}/writes/{sensor_id}",
        description="each write attempt's audit record (docs/writes.md)",
    )

    @field_validator("telemetry", "alerts", "asset_state", "writes")
    @classmethod
    def _per_asset(cls, v: str) -> str:
        return _check_template(v, _FIELDS)

    @field_validator("status")
    @classmethod
    def _per_gateway(cls, v: str) -> str:
        return _check_template(v, ("{gateway_id}",))


def _sparkplug_id(v: str) -> str:
    """A Sparkplug id is one topic level: no '/', '+' or '#' (Sparkplug 3.0 §4.1.1)."""
    if not v or any(c in v for c in "/+#"):
        raise ValueError("must be non-empty and hold none of / + #")
    return v


class SparkplugConfig(StrictModel):
    """The gateway as a Sparkplug B edge node: ``spBv1.0/{group_id}/.../{edge_node_id}``."""

    group_id: str = Field(..., description="the Sparkplug group this edge node belongs to")
    edge_node_id: str = Field(..., description="this gateway's edge node id in the group")
    primary_host_id: str | None = Field(
        None,
        description="host application whose STATE (spBv1.0/STATE/<id>) gates publishing: "
        "nothing is sent until it is online, and births are sent again when it comes back",
    )
    device_timeout_s: float = Field(
        0.0,
        ge=0,
        description="an asset without a reading this long gets a DDEATH (0: never); "
        "its next reading brings a DBIRTH",
    )

    @field_validator("group_id", "edge_node_id", "primary_host_id")
    @classmethod
    def _one_level(cls, v: str | None) -> str | None:
        return None if v is None else _sparkplug_id(v)


class UpstreamConfig(StrictModel):
    """The cloud broker, the topics, message batching and the outbox's disk budget."""

    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = Field(1883, ge=1, le=65535, description="8883 is the usual port with TLS")
    tls: TlsConfig | None = Field(None, description="CA, client certificate and key")
    username: str | None = None
    password: str | None = None
    protocol: Literal["3.1.1", "5"] = "5"
    keepalive: int = Field(30, ge=5, le=65535, description="seconds")
    connect_timeout: float = Field(10.0, gt=0, description="seconds to wait for CONNACK")
    client_id: str = Field("aastreli-{gateway_id}", min_length=1)
    topics: UpstreamTopics = UpstreamTopics()
    qos: Literal[0, 1] = Field(
        1, description="1: deleted from the outbox only after PUBACK; 0: after the socket write"
    )
    # Batching: readings of one asset are put in one message until one of these is reached.
    batch_max_readings: int = Field(100, ge=1, le=10_000)
    batch_max_bytes: int = Field(65_536, ge=1024, le=16 * 1024 * 1024)
    linger_ms: float = Field(
        20.0, ge=0, le=60_000, description="longest wait for more readings before a message closes"
    )
    probabilities: bool = Field(False, description="add the model's class probabilities")
    # The outbox.
    max_mb: float = Field(512.0, gt=0, description="disk budget of the outbox (MiB)")
    overflow: Literal["drop_oldest", "reject_newest"] = "drop_oldest"
    fsync: bool = Field(True, description="fsync each append: survives a power cut")
    order: Literal["fifo", "live_first"] = Field(
        "fifo",
        description="fifo: each asset's messages strictly in order, live ones queue behind "
        "the backlog; live_first: new messages go at once, the backlog drains beside them",
    )
    drain_rate: float = Field(
        500.0, gt=0, description="messages/s read back from the outbox after an outage"
    )
    max_inflight: int = Field(256, ge=1, le=65_000, description="QoS 1 messages awaiting PUBACK")
    retry_refused_s: float = Field(
        30.0, gt=0, description="seconds before a message the broker refused is sent again"
    )
    format: Literal["json", "sparkplug_b"] = Field(
        "json", description="json: the gateway's own topics; sparkplug_b: a Sparkplug edge node"
    )
    sparkplug: SparkplugConfig | None = Field(
        None, description="group and edge node ids; required with format: sparkplug_b"
    )

    @field_validator("client_id")
    @classmethod
    def _client_id(cls, v: str) -> str:
        if "{" in v.replace("{gateway_id}", "") or "}" in v.replace("{gateway_id}", ""):
            raise ValueError("only {gateway_id} may appear in braces")
        return v

    @model_validator(mode="after")
    def _consistent(self) -> UpstreamConfig:
        if self.password is not None and self.username is None:
            raise ValueError("password is set without username")
        if self.tls is not None and (self.tls.cert_file is None) != (self.tls.key_file is None):
            raise ValueError("tls.cert_file and tls.key_file go together")
        if self.format == "sparkplug_b" and self.sparkplug is None:
            raise ValueError("format: sparkplug_b needs the sparkplug section (group_id, ...)")
        return self
