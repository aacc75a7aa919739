"""The plant over OPC UA (asyncua's own server), one Double variable per asset point.

Layout (also in docs/simulator.md): namespace ``urn:aastreli:simulator`` (index 2 on this
server), objects ``Objects/Plant/<asset>/<group>/<point>`` of type Double, node ids
``ns=2;s=<asset>.<group>.<point>`` (e.g. ``ns=2;s=industrial_sensor_3.motor_data.DE_temp``).

What a write changes, under ``Objects/Plant/<asset>/control``: ``ns=2;s=<asset>.control.stop``
(Boolean, writable: true stops the set, false starts it), ``...control.speed_setpoint``
(Double, writable: % of nominal speed, 50-110, 0 to follow the demand cycle; a value
the drive does not take is put back, as a drive would) and the method
``...control.SetSpeed(speed: Double)`` (BadInvalidArgument, its argument BadOutOfRange,
for a speed it does not take).
"""

from __future__ import annotations

import hmac
from collections.abc import Sequence
from datetime import UTC
from typing import Any

from gateway.features import PLANT_FEATURES
from gateway.simulator.base import PlantServer, SimClock, SimulatorError
from gateway.simulator.plant import Plant

OPCUA_NAMESPACE = "urn:aastreli:simulator"
OPCUA_APP_URI = "urn:aastreli:simulator:server"


def opcua_node_id(asset: str, feature: str, ns: int = 2) -> str:
    """``ns=2;s=industrial_sensor_3.motor_data.DE_temp``."""
    return f"ns={ns};s={asset}.{feature}"


class _PasswordUsers:
    """asyncua user manager accepting one username/password pair."""

    def __init__(self, username: str, password: str) -> None:
        self._username = username.encode()
        self._password = password.encode()

    def get_user(
        self,
        iserver: Any,
        username: str | None = None,
        password: str | None = None,
        certificate: Any = None,
    ) -> Any:
        from asyncua.crypto.permission_rules import User, UserRole

        if username is None or password is None:
            return None
        ok = hmac.compare_digest(username.encode(), self._username) & hmac.compare_digest(
            password.encode(), self._password
        )
        return User(role=UserRole.User, name=username) if ok else None


class OpcuaPlantServer(PlantServer):
    """OPC UA server (asyncua's own) with one Double variable per asset point.

    With ``cert_file``/``key_file`` it offers only Basic256Sha256 SignAndEncrypt; with
    ``username``/``password`` it refuses anonymous sessions.
    """

    protocol = "opcua"

    def __init__(
        self,
        plant: Plant,
        assets: Sequence[str],
        *,
        host: str = "127.0.0.1",
        port: int = 4840,
        clock: SimClock | None = None,
        interval: float = 1.0,
        cert_file: str | None = None,
        key_file: str | None = None,
        username: str | None = None,
        password: str | None = None,
    ) -> None:
        super().__init__(plant, assets, clock=clock, interval=interval)
        if (cert_file is None) != (key_file is None):
            raise ValueError("cert_file and key_file go together")
        if (username is None) != (password is None):
            raise ValueError("username and password go together")
        self.host = host
        self.port = port
        self.cert_file = cert_file
        self.key_file = key_file
        self.username = username
        self.password = password
        self.namespace_index = 2
        self._server: Any = None
        self._nodes: dict[str, list[Any]] = {}
        self._controls: dict[Any, tuple[str, str]] = {}  # nodeid -> (asset, control)

    @property
    def url(self) -> str:
        return f"opc.tcp://{self.host}:{self.port}/"

    async def _open(self) -> None:
        from asyncua import Server, ua
        from asyncua.common.callback import CallbackType

        users = (
            _PasswordUsers(self.username, self.password)
            if self.username is not None and self.password is not None
            else None
        )
        server = Server(user_manager=users)  # type: ignore[arg-type]
        await server.init()
        server.set_endpoint(self.url)
        server.set_server_name("Aastreli plant simulator")
        await server.set_application_uri(OPCUA_APP_URI)
        if self.cert_file and self.key_file:
            try:
                await server.load_certificate(self.cert_file)
                await server.load_private_key(self.key_file)
            except (OSError, ValueError) as err:
                raise SimulatorError(f"OPC UA certificate or key unusable: {err}") from err
            server.set_security_policy([ua.SecurityPolicyType.Basic256Sha256_SignAndEncrypt])
        else:
            server.set_security_policy([ua.SecurityPolicyType.NoSecurity])
        if users is not None:
            server.set_identity_tokens([ua.UserNameIdentityToken])
        self.namespace_index = idx = await server.register_namespace(OPCUA_NAMESPACE)
        plant_obj = await server.nodes.objects.add_object(
            ua.NodeId.from_string(f"ns={idx};s=Plant"), f"{idx}:Plant"
        )
        self._nodes = {}
        for asset in self.assets:
            asset_obj = await plant_obj.add_object(
                ua.NodeId.from_string(f"ns={idx};s={asset}"), f"{idx}:{asset}"
            )
            groups: dict[str, Any] = {}
            nodes = []
            values = self.last[asset]
            for feature in PLANT_FEATURES:
                group, _, point = feature.partition(".")
                if group not in groups:
                    groups[group] = await asset_obj.add_object(
                        ua.NodeId.from_string(f"ns={idx};s={asset}.{group}"), f"{idx}:{group}"
                    )
                var = await groups[group].add_variable(
                    ua.NodeId.from_string(opcua_node_id(asset, feature, idx)),
                    f"{idx}:{point}",
                    ua.Variant(values[feature], ua.VariantType.Double),
                )
                nodes.append(var.nodeid)
            self._nodes[asset] = nodes
            await self._add_controls(asset_obj, asset, idx)
        server.subscribe_server_callback(CallbackType.PostWrite, self._on_write)
        try:
            await server.start()  # stops its internal server itself when binding fails
        except OSError as err:
            raise SimulatorError(f"OPC UA server cannot listen on {self.url}: {err}") from err
        self._server = server

    async def _add_controls(self, asset_obj: Any, asset: str, idx: int) -> None:
        """The set's stop command, speed setpoint and SetSpeed method."""
        from asyncua import ua

        control = await asset_obj.add_object(
            ua.NodeId.from_string(f"ns={idx};s={asset}.control"), f"{idx}:control"
        )
        for name, value, vtype in (
            ("stop", False, ua.VariantType.Boolean),
            ("speed_setpoint", 0.0, ua.VariantType.Double),
        ):
            var = await control.add_variable(
                ua.NodeId.from_string(f"ns={idx};s={asset}.control.{name}"),
                f"{idx}:{name}",
                ua.Variant(value, vtype),
            )
            await var.set_writable()
            self._controls[var.nodeid] = (asset, name)

        async def set_speed(parent: Any, speed: Any) -> Any:
            try:
                self.plant.command(asset, self.clock.now(), speed=float(speed.Value))
            except (TypeError, ValueError):
                return ua.CallMethodResult(
                    StatusCode=ua.StatusCode(ua.UInt32(ua.StatusCodes.BadInvalidArgument)),
                    InputArgumentResults=[ua.StatusCode(ua.UInt32(ua.StatusCodes.BadOutOfRange))],
                )
            await self._server.write_attribute_value(
                ua.NodeId.from_string(f"ns={idx};s={asset}.control.speed_setpoint"),
                ua.DataValue(ua.Variant(float(speed.Value), ua.VariantType.Double)),
            )
            return [ua.Variant(True, ua.VariantType.Boolean)]

        await control.add_method(
            ua.NodeId.from_string(f"ns={idx};s={asset}.control.SetSpeed"),
            f"{idx}:SetSpeed",
            set_speed,
            [ua.VariantType.Double],
            [ua.VariantType.Boolean],
        )

    async def _on_write(self, event: Any, _dispatcher: Any) -> None:
        """A client wrote: a control node takes effect on the plant at once."""
        from asyncua import ua

        params, codes = event.request_params, event.response_params or []
        for item, code in zip(params.NodesToWrite, codes, strict=False):
            known = self._controls.get(item.NodeId)
            if known is None or not code.is_good():
                continue
            asset, name = known
            value = item.Value.Value.Value if item.Value and item.Value.Value else None
            c = self.plant.controls[asset]
            try:
                if name == "stop":
                    self.plant.command(asset, self.clock.now(), stop=bool(value))
                else:
                    self.plant.command(asset, self.clock.now(), speed=float(value or 0.0))
            except (TypeError, ValueError):
                # Not a speed the drive takes: the setpoint goes back to what it runs at.
                await self._server.write_attribute_value(
                    item.NodeId, ua.DataValue(ua.Variant(c.speed or 0.0, ua.VariantType.Double))
                )

    async def _push(self, tick: int) -> None:
        from asyncua import ua

        server = self._server
        if server is None:
            return
        stamp = ua.DateTime.fromtimestamp(self.clock.wall_time(tick), UTC)
        for asset in self.assets:
            values = self.last[asset]
            for nodeid, feature in zip(self._nodes[asset], PLANT_FEATURES, strict=True):
                dv = ua.DataValue(
                    ua.Variant(values[feature], ua.VariantType.Double),
                    SourceTimestamp=stamp,
                    ServerTimestamp=stamp,
                )
                await server.write_attribute_value(nodeid, dv)

    async def _close(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            await server.stop()
