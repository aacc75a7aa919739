"""A physics-informed pump-motor set: normal operation, eight fault modes, a fault schedule.

Pure Python (``random.Random``) so it runs on the device without numpy. One model serves
two uses: ``Plant.sample(asset, t)`` for the live simulator (deterministic in the seed,
the asset and the time) and ``generate_dataset`` for training the default model.

The physics, kept simple but consistent:

- A variable-speed drive runs the set at a speed ratio ``r`` (0.8-1.0 of nominal) that
  follows a slow demand cycle. Flow follows the affinity law (Q ∝ r times the valve
  opening), pump head falls with flow (Δp = H0·r² - k·Q²), shaft power goes as about r³,
  and the motor current is magnetising current plus a part proportional to power.
- Bearing temperatures are ambient plus a rise that grows with power; the ambient
  temperature drifts over a day and a shorter period.
- Each bearing's vibration is the sum of three independent parts: broadband Gaussian
  noise, a periodic part at 1x/2x running speed (imbalance, misalignment) and an
  impulsive part (bearing defects, cavitation bubble collapse). RMS adds as the root sum
  of squares; kurtosis from the fourth cumulants (Gaussian excess 0, a sinusoid -1.5, an
  impulse train large and positive), so a sinusoid *lowers* kurtosis and impacts raise
  it, as on a real accelerometer. Peak is a crest factor per part.
- A fault's severity ramps up over its first seconds; heat builds with a thermal time
  constant, so a fault that has just started looks almost normal (class overlap).
- Writes change a set (``Plant.command``): a stop spins it down in a few seconds
  (vibration, current, flow and head fall away) and lets it cool towards ambient over
  minutes; a start reverses both. A speed setpoint replaces the demand cycle's speed. A
  set nobody wrote to is the same function of (seed, asset, time) as ever.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from gateway.features import PLANT_CLASSES, PLANT_FEATURES

NORMAL = "normal"
FAULTS: tuple[str, ...] = tuple(c for c in PLANT_CLASSES if c != NORMAL)

DEFAULT_ASSETS: tuple[str, ...] = (
    "industrial_sensor_1",
    "industrial_sensor_2",
    "industrial_sensor_3",
)

# Bearings in feature-name order: (group, prefix).
_BEARINGS: tuple[tuple[str, str], ...] = (
    ("motor_data", "DE"),
    ("motor_data", "NDE"),
    ("pump_data", "DE"),
    ("pump_data", "NDE"),
)
MDE, MNDE, PDE, PNDE = range(4)

# Nominal broadband vibration (mm/s RMS at full speed) of each bearing of a healthy set.
_BASE_VIB = (1.5, 1.2, 2.0, 1.6)
# Temperature rise over ambient at no load and the extra at full power (°C).
_BASE_RISE = ((13.0, 13.0), (11.0, 11.0), (10.0, 7.0), (8.0, 6.0))
# Crest factors (peak / RMS) of each vibration part.
_CREST_GAUSS = 3.0
_CREST_SINE = math.sqrt(2.0)
# Thermal time constants (s): a bearing heats within a minute or two, a winding slower.
_TAU_BEARING = 40.0
_TAU_WINDING = 90.0
# Seconds for a fault to grow from 30 % to 100 % of its severity.
_RAMP_S = 30.0
# A stopped set spins down (or a started one up) with this time constant, and cools (or
# warms) with the other.
_TAU_SPIN = 2.0
_TAU_COOL = 60.0
# Speed setpoints a set accepts (% of nominal); 0 hands the speed back to the demand cycle.
SPEED_RANGE = (50.0, 110.0)


class ScheduleError(ValueError):
    """A fault schedule entry that cannot be used (bad syntax, unknown fault or asset)."""


@dataclass(frozen=True, slots=True)
class FaultEvent:
    """A fault on one asset from ``start`` for ``duration`` seconds (simulator time)."""

    asset: str
    start: float
    duration: float
    fault: str
    severity: float = 1.0

    def __post_init__(self) -> None:
        if self.fault not in FAULTS:
            raise ScheduleError(f"unknown fault {self.fault!r}; known: {', '.join(FAULTS)}")
        if self.start < 0 or self.duration <= 0:
            raise ScheduleError("start must be >= 0 and duration > 0")
        if not 0 < self.severity <= 1:
            raise ScheduleError("severity must be in (0, 1]")

    def covers(self, t: float) -> bool:
        return self.start <= t < self.start + self.duration


@dataclass(frozen=True, slots=True)
class SensorShift:
    """One sensor of one asset reading wrong from ``start`` for ``duration`` seconds:
    ``value * gain + offset`` (a loose mount, a recalibration, a sensor losing
    sensitivity). The machine itself is unchanged: what the model sees has moved."""

    asset: str
    feature: str
    start: float
    duration: float
    offset: float = 0.0
    gain: float = 1.0

    def __post_init__(self) -> None:
        if self.feature not in PLANT_FEATURES:
            raise ScheduleError(f"unknown feature {self.feature!r}")
        if self.start < 0 or self.duration <= 0:
            raise ScheduleError("start must be >= 0 and duration > 0")

    def covers(self, t: float) -> bool:
        return self.start <= t < self.start + self.duration


_SPEC = re.compile(
    r"^(?P<asset>[^:@+*\s]+):(?P<fault>[a-z_]+)@(?P<start>\d+(?:\.\d+)?)"
    r"\+(?P<duration>\d+(?:\.\d+)?)(?:\*(?P<severity>\d*\.?\d+))?$"
)


def parse_fault(spec: str) -> FaultEvent:
    """Parse ``asset:fault@start+duration[*severity]``.

    Example: ``industrial_sensor_1:cavitation@60+120*0.8`` (severity defaults to 1).
    """
    m = _SPEC.match(spec.strip())
    if m is None:
        raise ScheduleError(
            f"bad fault spec {spec!r}: expected ASSET:FAULT@START+DURATION[*SEVERITY], "
            "e.g. industrial_sensor_1:cavitation@60+120*0.8"
        )
    sev = m["severity"]
    return FaultEvent(
        asset=m["asset"],
        start=float(m["start"]),
        duration=float(m["duration"]),
        fault=m["fault"],
        severity=float(sev) if sev is not None else 1.0,
    )


@dataclass(frozen=True, slots=True)
class Cycle:
    """Demo mode: each asset alternates ``normal_s`` of normal with ``fault_s`` of a fault,
    walking through every fault mode; assets start at different faults (``stagger``)."""

    normal_s: float = 90.0
    fault_s: float = 60.0
    severity: float = 0.9
    faults: tuple[str, ...] = FAULTS
    stagger: int = 3

    def state(self, index: int, t: float) -> tuple[str, float, float]:
        """(fault, severity, seconds since it started) of asset number ``index`` at ``t``."""
        slot = self.normal_s + self.fault_s
        period = slot * len(self.faults)
        pos = (t + index * self.stagger * slot) % period
        k, within = divmod(pos, slot)
        if within < self.normal_s:
            return NORMAL, 0.0, 0.0
        return self.faults[int(k)], self.severity, within - self.normal_s


@dataclass(frozen=True, slots=True)
class AssetParams:
    """What makes one pump-motor set differ from another of the same type."""

    vib_scale: tuple[float, float, float, float]
    temp_offset: tuple[float, float, float, float]
    flow_nominal: float  # m³/h at full speed, valve open
    head_bar: float  # shut-off pressure rise at full speed (bar)
    current_scale: float
    suction_base: float  # bar, set by the tank level
    phases: tuple[float, ...]  # of the drift cycles

    @classmethod
    def draw(cls, rng: random.Random) -> AssetParams:
        u = rng.uniform
        return cls(
            vib_scale=(u(0.85, 1.15), u(0.85, 1.15), u(0.85, 1.15), u(0.85, 1.15)),
            temp_offset=(u(-1.5, 1.5), u(-1.5, 1.5), u(-1.5, 1.5), u(-1.5, 1.5)),
            flow_nominal=u(110.0, 130.0),
            head_bar=u(5.2, 5.8),
            current_scale=u(0.95, 1.05),
            suction_base=u(1.1, 1.4),
            phases=tuple(u(0.0, 2 * math.pi) for _ in range(6)),
        )


@dataclass(frozen=True, slots=True)
class Operating:
    """The slowly drifting operating point at one instant."""

    ambient: float  # °C
    speed: float  # ratio of nominal speed
    valve: float  # opening, 0-1
    level: float  # bar added to the suction pressure by the tank level


def operating_point(params: AssetParams, t: float) -> Operating:
    """Ambient over a day and 90 min, demand over 30 and 7 min, valve and tank level."""
    p = params.phases
    tau = 2 * math.pi
    ambient = 21.0 + 3.0 * math.sin(tau * t / 86400 + p[0]) + 0.8 * math.sin(tau * t / 5400 + p[1])
    demand = 0.5 + 0.35 * math.sin(tau * t / 1800 + p[2]) + 0.15 * math.sin(tau * t / 420 + p[3])
    valve = 0.9 + 0.06 * math.sin(tau * t / 2700 + p[4])
    level = 0.1 * math.sin(tau * t / 3600 + p[5])
    return Operating(ambient=ambient, speed=0.8 + 0.2 * demand, valve=valve, level=level)


@dataclass(slots=True)
class _Vib:
    """One bearing's vibration as parts: (σ, excess kurtosis, crest factor) each."""

    gauss: float
    sine: float = 0.0
    impulses: list[tuple[float, float, float]] = field(default_factory=list)

    def measure(self, rng: random.Random) -> tuple[float, float, float]:
        var = self.gauss**2 + self.sine**2 + sum(s * s for s, _, _ in self.impulses)
        rms = math.sqrt(var)
        # Fourth cumulants add for independent parts: excess = Σ κ_i σ_i⁴ / σ⁴.
        excess = (-1.5 * self.sine**4 + sum(k * s**4 for s, k, _ in self.impulses)) / var**2
        kurt = 3.0 + excess
        peak = (
            _CREST_GAUSS * self.gauss
            + _CREST_SINE * self.sine
            + sum(c * s for s, _, c in self.impulses)
        )
        # A real peak is below the sum of the parts' peaks (they rarely align).
        peak = max(peak * 0.85, rms * _CREST_SINE)
        # Estimation noise of a 1-second window: RMS ±4 %, kurtosis grows noisier with impacts.
        rms *= 1.0 + rng.gauss(0.0, 0.04)
        peak *= 1.0 + rng.gauss(0.0, 0.07)
        kurt += rng.gauss(0.0, 0.12 + 0.08 * (kurt - 3.0 if kurt > 3.0 else 0.0))
        return max(rms, 0.05), max(peak, rms), max(kurt, 1.2)


def simulate_reading(
    params: AssetParams,
    op: Operating,
    fault: str,
    severity: float,
    age: float,
    rng: random.Random,
) -> dict[str, float]:
    """One reading of the set at an operating point, with ``fault`` at ``severity`` that
    started ``age`` seconds ago (severity already ramped). Values in PLANT_FEATURES names."""
    g = rng.gauss
    s = severity
    r = op.speed * (1.0 + g(0.0, 0.004))  # drive speed jitter
    heat_b = 1.0 - math.exp(-age / _TAU_BEARING)
    heat_w = 1.0 - math.exp(-age / _TAU_WINDING)

    # Hydraulics. Flow turbulence is a few percent; cavitation adds large fluctuations.
    suction = params.suction_base + op.level
    flow = params.flow_nominal * r * op.valve
    flow_sd = 0.012 * flow
    head_loss = 0.0
    if fault == "cavitation":
        # Low NPSH available (strainer clogging / low tank level): suction pressure drops,
        # vapour bubbles take volume (less flow, less head) and collapse erratically.
        suction -= 0.75 * s
        flow *= 1.0 - 0.10 * s
        flow_sd *= 1.0 + 6.0 * s
        head_loss = 0.5 * s * abs(g(1.0, 0.5))
    flow = max(flow + g(0.0, flow_sd), 0.0)
    q = flow / params.flow_nominal
    rise = params.head_bar * r * r - 1.4 * q * q - head_loss
    discharge = suction + rise

    # Shaft power (fraction of nominal) and motor current.
    power = r**3 * (0.55 + 0.45 * q)
    current = params.current_scale * (10.0 + 28.0 * power)

    # Vibration parts per bearing.
    speed_vib = 0.7 + 0.3 * r * r
    vib = [_Vib(_BASE_VIB[i] * params.vib_scale[i] * speed_vib) for i in range(4)]
    heat = [0.0, 0.0, 0.0, 0.0]  # °C added to each bearing by the fault

    if fault == "pump_bearing_cage_defect":
        # The cage rattles at the fundamental train frequency (below 1x): intermittent,
        # irregular impacts on the pump NDE bearing and a low-frequency modulation.
        burst = rng.uniform(0.3, 1.5)
        vib[PNDE].impulses.append((1.4 * s * burst, 14.0, 6.0))
        vib[PNDE].sine += 0.6 * s
        heat[PNDE] += 4.0 * s * heat_b
    elif fault == "pump_bearing_outer_race":
        # Fixed defect in the load zone: regular sharp impacts at BPFO, high kurtosis,
        # high crest factor, modest RMS.
        vib[PDE].impulses.append((1.3 * s, 40.0, 8.0))
        heat[PDE] += 3.0 * s * heat_b
    elif fault == "pump_bearing_inner_race":
        # Defect rotates through the load zone: impacts amplitude-modulated at 1x, more
        # energy (RMS) than an outer race, somewhat lower kurtosis, more heat; some of it
        # travels to the NDE bearing through the shaft.
        vib[PDE].impulses.append((2.2 * s, 18.0, 5.5))
        vib[PNDE].impulses.append((0.6 * s, 10.0, 4.0))
        heat[PDE] += 6.0 * s * heat_b
    elif fault == "motor_bearing_defect":
        # Motor drive-end bearing spalling: impacts, heat, a little more friction current.
        vib[MDE].impulses.append((1.6 * s, 30.0, 7.0))
        vib[MNDE].impulses.append((0.4 * s, 10.0, 4.0))
        heat[MDE] += 7.0 * s * heat_b
        current *= 1.0 + 0.02 * s
    elif fault == "misalignment":
        # Coupling misalignment: strong 1x/2x on both coupling-side (DE) bearings,
        # reaction forces heat them, the motor works harder.
        vib[MDE].sine += 3.2 * s * r
        vib[PDE].sine += 3.0 * s * r
        vib[MNDE].sine += 0.6 * s * r
        vib[PNDE].sine += 0.6 * s * r
        heat[MDE] += 8.0 * s * heat_b
        heat[PDE] += 7.0 * s * heat_b
        current *= 1.0 + 0.05 * s
    elif fault == "imbalance":
        # Impeller mass imbalance: a 1x sinusoid on both pump bearings (and less on the
        # motor) whose velocity amplitude is proportional to speed; no impacts, no heat.
        vib[PDE].sine += 3.4 * s * r
        vib[PNDE].sine += 3.6 * s * r
        vib[MDE].sine += 1.0 * s * r
        vib[MNDE].sine += 0.7 * s * r
    elif fault == "cavitation":
        # Bubble collapse: broadband noise and random impacts on the pump casing.
        vib[PDE].gauss *= 1.0 + 0.9 * s
        vib[PNDE].gauss *= 1.0 + 0.5 * s
        vib[PDE].impulses.append((0.9 * s, 12.0, 5.0))
        current *= 1.0 - 0.04 * s
    elif fault == "motor_overheating":
        # Blocked cooling or winding insulation breakdown: the winding heats both motor
        # bearings (the fan end most), resistance and losses raise the current.
        heat[MDE] += 22.0 * s * heat_w
        heat[MNDE] += 25.0 * s * heat_w
        heat[PDE] += 2.0 * s * heat_w
        current *= 1.0 + 0.15 * s * (0.3 + 0.7 * heat_w)

    out: dict[str, float] = {}
    for i, (group, end) in enumerate(_BEARINGS):
        base, load_rise = _BASE_RISE[i]
        temp = op.ambient + params.temp_offset[i] + base + load_rise * power + heat[i]
        out[f"{group}.{end}_temp"] = temp + g(0.0, 0.25)
        rms, peak, kurt = vib[i].measure(rng)
        out[f"{group}.{end}_vib_rms"] = rms
        out[f"{group}.{end}_vib_peak"] = peak
        out[f"{group}.{end}_vib_kurtosis"] = kurt
    out["motor_data.current"] = current + g(0.0, 0.4)
    out["pump_data.suction_pressure"] = suction + g(0.0, 0.03)
    out["pump_data.discharge_pressure"] = discharge + g(0.0, 0.04)
    out["pump_data.flow"] = flow
    # Same names and order as the model's feature map.
    return {name: round(out[name], 4) for name in PLANT_FEATURES}


@dataclass(slots=True)
class Controls:
    """What a write changes on one set: the stop command and the speed setpoint."""

    stopped: bool = False
    speed: float | None = None  # % of nominal; None: the demand cycle's
    changed_at: float | None = None  # simulator time of the last stop or start
    spin_at_change: float = 1.0  # how fast it turned then (1: full, 0: still)
    heat_at_change: float = 1.0  # how warm it was then (1: running temperature)

    def levels(self, t: float) -> tuple[float, float]:
        """(spin, heat) at ``t``: 1 running and warm, 0 still and at ambient."""
        if self.changed_at is None:
            return 1.0, 1.0
        target = 0.0 if self.stopped else 1.0
        dt = max(0.0, t - self.changed_at)
        spin = target + (self.spin_at_change - target) * math.exp(-dt / _TAU_SPIN)
        heat = target + (self.heat_at_change - target) * math.exp(-dt / _TAU_COOL)
        return spin, heat


def _apply_controls(
    values: dict[str, float], params: AssetParams, op: Operating, spin: float, heat: float
) -> dict[str, float]:
    """A reading of a running set, as the set would read at this spin and heat."""
    out = dict(values)
    for i, (group, end) in enumerate(_BEARINGS):
        ambient = op.ambient + params.temp_offset[i]
        key = f"{group}.{end}"
        out[f"{key}_temp"] = ambient + (values[f"{key}_temp"] - ambient) * heat
        out[f"{key}_vib_rms"] = max(0.02, values[f"{key}_vib_rms"] * spin)
        out[f"{key}_vib_peak"] = max(0.05, values[f"{key}_vib_peak"] * spin)
        out[f"{key}_vib_kurtosis"] = 3.0 + (values[f"{key}_vib_kurtosis"] - 3.0) * spin
    suction = values["pump_data.suction_pressure"]
    out["motor_data.current"] = values["motor_data.current"] * spin
    out["pump_data.flow"] = values["pump_data.flow"] * spin
    out["pump_data.discharge_pressure"] = (
        suction + (values["pump_data.discharge_pressure"] - suction) * spin
    )
    return {name: round(out[name], 4) for name in PLANT_FEATURES}


def _ramp(severity: float, age: float) -> float:
    return severity * min(1.0, 0.3 + 0.7 * age / _RAMP_S)


class Plant:
    """Several pump-motor sets with a fault schedule; deterministic in (seed, asset, t).

    ``t`` is simulator time in seconds (0 at start). Explicit schedule entries take
    precedence over the demo cycle; an asset with neither runs normal.
    """

    def __init__(
        self,
        seed: int = 42,
        assets: Sequence[str] = DEFAULT_ASSETS,
        schedule: Iterable[FaultEvent] = (),
        cycle: Cycle | None = None,
        shifts: Iterable[SensorShift] = (),
    ) -> None:
        self.seed = seed
        self.assets: tuple[str, ...] = tuple(assets)
        self.schedule: tuple[FaultEvent, ...] = tuple(schedule)
        self.cycle = cycle
        self.shifts: tuple[SensorShift, ...] = tuple(shifts)
        named = [e.asset for e in self.schedule] + [s.asset for s in self.shifts]
        unknown = set(named) - set(self.assets)
        if unknown:
            raise ScheduleError(
                f"fault schedule names unknown asset(s) {', '.join(sorted(unknown))}; "
                f"assets: {', '.join(self.assets)}"
            )
        self._params = {
            a: AssetParams.draw(random.Random(f"aastreli-asset|{seed}|{a}")) for a in self.assets
        }
        self.controls = {a: Controls() for a in self.assets}

    def command(
        self, asset: str, t: float, *, stop: bool | None = None, speed: float | None = None
    ) -> None:
        """A write to a set at simulator time ``t``: stop or start it, or set its speed
        (% of nominal, within SPEED_RANGE; 0 hands it back to the demand cycle).
        ValueError for a speed the drive does not take."""
        c = self.controls[asset]
        if speed is not None:
            if speed != 0 and not SPEED_RANGE[0] <= speed <= SPEED_RANGE[1]:
                low, high = SPEED_RANGE
                raise ValueError(f"speed {speed:g} % is outside {low:g}-{high:g} % (or 0)")
            c.speed = speed or None
        if stop is not None and stop != c.stopped:
            c.spin_at_change, c.heat_at_change = c.levels(t)
            c.stopped, c.changed_at = stop, t

    def state(self, asset: str, t: float) -> tuple[str, float, float]:
        """(true class, ramped severity, seconds since the fault began) at ``t``."""
        if asset not in self._params:
            raise KeyError(f"unknown asset {asset!r}")
        for e in self.schedule:
            if e.asset == asset and e.covers(t):
                age = t - e.start
                return e.fault, _ramp(e.severity, age), age
        if self.cycle is not None:
            fault, sev, age = self.cycle.state(self.assets.index(asset), t)
            if fault != NORMAL:
                return fault, _ramp(sev, age), age
        return NORMAL, 0.0, 0.0

    def label(self, asset: str, t: float) -> str:
        """The true class of ``asset`` at ``t``."""
        return self.state(asset, t)[0]

    def sample(self, asset: str, t: float) -> dict[str, float]:
        """One reading: every PLANT_FEATURES name to its value, the same for the same t
        (and the same writes)."""
        fault, sev, age = self.state(asset, t)
        # Seeding from a string hashes it with SHA-512: stable across processes, unlike hash().
        rng = random.Random(f"aastreli-sample|{self.seed}|{asset}|{round(t * 1000)}")
        params, c = self._params[asset], self.controls[asset]
        op = operating_point(params, t)
        if c.speed is not None:
            op = replace(op, speed=c.speed / 100)
        values = simulate_reading(params, op, fault, sev, age, rng)
        for shift in self.shifts:
            if shift.asset == asset and shift.covers(t):
                values[shift.feature] = values[shift.feature] * shift.gain + shift.offset
        if c.changed_at is None:
            return values
        spin, heat = c.levels(t)
        return _apply_controls(values, params, op, spin, heat)


def generate_dataset(
    n_per_class: int, seed: int, *, severity: tuple[float, float] = (0.3, 1.0)
) -> tuple[list[list[float]], list[str]]:
    """Rows in PLANT_FEATURES order and their class names, ``n_per_class`` per class,
    in a shuffled order.

    Each row is a different set (asset parameters drawn anew) at a random moment of the
    day (ambient, demand, valve, tank level), so the model learns the faults, not one
    machine. Faults have a severity drawn uniformly from ``severity`` and an age since
    onset between 1 and 10 minutes (heat partly built up), so the mild ones overlap normal.
    """
    lo, hi = severity
    if not 0 < lo <= hi <= 1:
        raise ValueError("severity must satisfy 0 < low <= high <= 1")
    rng = random.Random(f"aastreli-dataset|{seed}")
    rows: list[list[float]] = []
    labels: list[str] = []
    for cls in PLANT_CLASSES:
        for _ in range(n_per_class):
            params = AssetParams.draw(rng)
            op = operating_point(params, rng.uniform(0.0, 86400.0))
            if cls == NORMAL:
                sev, age = 0.0, 0.0
            else:
                sev, age = rng.uniform(lo, hi), rng.uniform(60.0, 600.0)
            values = simulate_reading(params, op, cls, sev, age, rng)
            rows.append([values[name] for name in PLANT_FEATURES])
            labels.append(cls)
    # Shuffled (deterministically) so that any slice of the result holds every class.
    order = list(range(len(rows)))
    rng.shuffle(order)
    return [rows[i] for i in order], [labels[i] for i in order]


def nest(values: dict[str, float]) -> dict[str, dict[str, float]]:
    """``{"motor_data.DE_temp": v}`` to the seed's ``{"motor_data": {"DE_temp": v}}``."""
    out: dict[str, dict[str, float]] = {"motor_data": {}, "pump_data": {}}
    for name, value in values.items():
        group, _, point = name.partition(".")
        out.setdefault(group, {})[point] = value
    return out
