/* Aastreli gateway admin UI: an asset's page. Draws its chart as inline SVG: one panel
 * per chosen series with its unit, and the model's panel (confidence over time, faults
 * as bands labelled and coloured per fault, the episode labels given); gaps in the data
 * are left blank and hatched; alert marks (opened, acknowledged, resolved) cross every
 * panel. Also the episode-label form. No library: the API gives columns of numbers.
 */
(function () {
  "use strict";

  var A = window.AastreliApp, clock = window.AastreliClock;
  var body = document.body;
  var sensor = body.dataset.sensor;
  var box = document.getElementById("asset-chart");
  if (!A || !sensor || !box) { return; }
  var SVG = "http://www.w3.org/2000/svg";
  /* Band fills per fault, in the order of the model's classes; text on them stays ink. */
  var PALETTE = ["#f4a261", "#e76f51", "#9b5de5", "#2a9d8f", "#e9c46a", "#f15bb5", "#00bbf9", "#8ac926"];
  var SEVERITY = { critical: "#a8231b", major: "#8f4305", warning: "#6b5a00", info: "#12507a" };
  var DEFAULT = ["motor_data.DE_temp", "motor_data.DE_vib_rms", "pump_data.flow"];
  var faultOrder = Object.keys(A.FAULTS).filter(function (c) { return c !== "normal"; });
  var data = null;
  var chosen = null;

  function colour(cls) {
    var i = faultOrder.indexOf(cls);
    if (i < 0) { faultOrder.push(cls); i = faultOrder.length - 1; }
    return PALETTE[i % PALETTE.length];
  }
  function node(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function html(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  /* Runs of one thing over the readings: [{from, to, value}], a run broken by a gap. */
  function runs(t, values, gap) {
    var out = [], cur = null;
    for (var i = 0; i < t.length; i++) {
      var v = values[i];
      var broken = cur && t[i] - t[i - 1] > gap;
      if (cur && (broken || cur.value !== v)) { cur.to = broken ? t[i - 1] : t[i]; out.push(cur); cur = null; }
      if (!cur && v !== null && v !== undefined) { cur = { from: t[i], to: t[i], value: v }; }
    }
    if (cur) { cur.to = t[t.length - 1]; out.push(cur); }
    return out;
  }
  /* The times without data: before the first reading, between two too far apart, after the last. */
  function gaps(d) {
    var t = d.series.t, g = d.gap_after, out = [];
    if (!t.length) { return [{ from: d.start, to: d.end }]; }
    if (t[0] - d.start > g) { out.push({ from: d.start, to: t[0] }); }
    for (var i = 1; i < t.length; i++) { if (t[i] - t[i - 1] > g) { out.push({ from: t[i - 1], to: t[i] }); } }
    if (d.end - t[t.length - 1] > g) { out.push({ from: t[t.length - 1], to: d.end }); }
    return out;
  }
  function marks(d) {
    var out = [];
    d.alerts.forEach(function (a) {
      var what = A.faultName(a.fault_type) + " (" + a.severity + ")";
      out.push({ at: a.opened_at, kind: "opened", id: a.id, sev: a.severity, text: "Alert " + a.id + " opened: " + what });
      if (a.acknowledged_at) { out.push({ at: a.acknowledged_at, kind: "acknowledged", id: a.id, text: "Alert " + a.id + " acknowledged by " + (a.acknowledged_by || "?") }); }
      if (a.resolved_at) { out.push({ at: a.resolved_at, kind: "resolved", id: a.id, text: "Alert " + a.id + " resolved" }); }
    });
    return out.filter(function (m) { return m.at >= d.start && m.at <= d.end; });
  }

  function panel(d, opts) {
    var w = opts.width, h = opts.height, left = 62, right = 10, top = 16, bottom = opts.axis ? 22 : 6;
    var svg = node("svg", { width: w, height: h, viewBox: "0 0 " + w + " " + h, role: "img", "class": "panel " + opts.cls, "aria-label": opts.label });
    svg.appendChild(node("title", {}, opts.label));
    var x = function (t) { return left + (w - left - right) * (t - d.start) / (d.end - d.start); };
    var y = function (v) { return top + (h - top - bottom) * (1 - (v - opts.lo) / (opts.hi - opts.lo)); };
    opts.bands.forEach(function (b) {
      var r = node("rect", { x: x(b.from), y: top, width: Math.max(1, x(b.to) - x(b.from)), height: h - top - bottom, fill: colour(b.value), "fill-opacity": opts.strong ? 0.55 : 0.22, "class": "band", "data-fault": b.value });
      r.appendChild(node("title", {}, A.faultName(b.value) + ": " + clock.format(b.from, "time") + " to " + clock.format(b.to, "time")));
      svg.appendChild(r);
      if (opts.strong && x(b.to) - x(b.from) > 70) {
        svg.appendChild(node("text", { x: x(b.from) + 3, y: top + 11, "class": "band-label" }, A.faultName(b.value)));
      }
    });
    gaps(d).forEach(function (g) {
      svg.appendChild(node("rect", { x: x(g.from), y: top, width: Math.max(1, x(g.to) - x(g.from)), height: h - top - bottom, fill: "url(#gap-hatch)", "class": "gap" }));
      if (opts.strong && x(g.to) - x(g.from) > 46) { svg.appendChild(node("text", { x: x(g.from) + 3, y: h - bottom - 4, "class": "gap-label" }, "no data")); }
    });
    (opts.labels || []).forEach(function (lb) {
      var x0 = x(Math.max(lb.start, d.start)), x1 = x(Math.min(lb.end, d.end));
      svg.appendChild(node("rect", { x: x0, y: h - bottom - 9, width: Math.max(2, x1 - x0), height: 9, fill: colour(lb.label), stroke: "#1d2733", "stroke-width": 0.6, "class": "label-strip" }));
      if (x1 - x0 > 90) { svg.appendChild(node("text", { x: x0 + 3, y: h - bottom - 11, "class": "band-label" }, "labelled " + A.faultName(lb.label))); }
    });
    svg.appendChild(node("path", { d: "M" + left + " " + top + "V" + (h - bottom) + "H" + (w - right), "class": "axis" }));
    svg.appendChild(node("text", { x: 2, y: top + 4, "class": "tick" }, opts.hiText));
    svg.appendChild(node("text", { x: 2, y: h - bottom, "class": "tick" }, opts.loText));
    svg.appendChild(node("text", { x: left, y: top - 4, "class": "name" }, opts.title));
    var path = "";
    opts.segments.forEach(function (seg) {
      seg.forEach(function (p, k) { path += (k ? "L" : "M") + x(p[0]).toFixed(1) + " " + y(p[1]).toFixed(1); });
    });
    if (path) { svg.appendChild(node("path", { d: path, "class": "line " + opts.cls })); }
    marks(d).forEach(function (m) {
      /* Not a link: an image's parts are not controls (the alert is listed below the chart). */
      var a = node("g", { "class": "mark mark-" + m.kind, "data-alert": m.id });
      a.appendChild(node("title", {}, m.text + ", " + clock.format(m.at)));
      a.appendChild(node("line", { x1: x(m.at), x2: x(m.at), y1: top - 2, y2: h - bottom, stroke: m.kind === "opened" ? SEVERITY[m.sev] || "#8f4305" : m.kind === "resolved" ? "#17692f" : "#12507a" }));
      if (opts.strong) { a.appendChild(node("text", { x: x(m.at) + 2, y: top + 30 + (m.kind === "acknowledged" ? 12 : m.kind === "resolved" ? 24 : 0), "class": "mark-label" }, { opened: "▲", acknowledged: "✓", resolved: "●" }[m.kind] + m.id)); }
      svg.appendChild(a);
    });
    if (opts.axis) {
      var long = d.end - d.start > 86400;
      [d.start, (d.start + d.end) / 2, d.end].forEach(function (t, i) {
        var text = clock.format(t, long ? "datetime" : "time");
        svg.appendChild(node("text", { x: i === 0 ? left : i === 1 ? x(t) : w - right, y: h - 6, "class": "tick", "text-anchor": ["start", "middle", "end"][i] }, text));
      });
    }
    return svg;
  }

  /* A series split at gaps: [[t, v], ...] per stretch of data. */
  function segments(t, values, gap) {
    var out = [], cur = [];
    for (var i = 0; i < t.length; i++) {
      var v = values[i];
      if (cur.length && (t[i] - t[i - 1] > gap || typeof v !== "number")) { out.push(cur); cur = []; }
      if (typeof v === "number") { cur.push([t[i], v]); }
    }
    if (cur.length) { out.push(cur); }
    return out;
  }

  function draw() {
    var d = data;
    while (box.firstChild) { box.removeChild(box.firstChild); }
    var width = Math.max(280, box.clientWidth || 600);
    var t = d.series.t;
    if (!t.length) { box.appendChild(html("p", "muted", "No readings of " + sensor + " in this range.")); }
    var defs = node("svg", { width: 0, height: 0, "aria-hidden": "true", "class": "defs" });
    var pat = node("pattern", { id: "gap-hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
    pat.appendChild(node("rect", { width: 6, height: 6, fill: "#eef1f4" }));
    pat.appendChild(node("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#9aa4ae", "stroke-width": 2 }));
    defs.appendChild(pat);
    box.appendChild(defs);
    var faults = runs(t, d.series.label.map(function (l) { return l && l !== "normal" ? l : null; }), d.gap_after);
    chosen.forEach(function (name) {
      var vals = d.series.values[name] || [];
      var nums = vals.filter(function (v) { return typeof v === "number"; });
      var lo = nums.length ? Math.min.apply(null, nums) : 0, hi = nums.length ? Math.max.apply(null, nums) : 1;
      if (hi - lo < 1e-9) { hi += 1; lo -= 1; }
      var pad = (hi - lo) * 0.08, unit = A.featureUnit(name);
      var label = A.featureLabel(name) + (unit ? " (" + unit + ")" : "");
      box.appendChild(panel(d, {
        width: width, height: 120, cls: "series", lo: lo - pad, hi: hi + pad, bands: faults,
        segments: segments(t, vals, d.gap_after), title: label, label: label + ": " + nums.length + " values between " +
          A.fmt(lo) + " and " + A.fmt(hi) + (unit ? " " + unit : ""),
        hiText: A.fmt(hi, 1) + (unit ? " " + unit : ""), loText: A.fmt(lo, 1) + (unit ? " " + unit : "")
      }));
    });
    var conf = d.series.confidence.map(function (c, i) { return d.series.label[i] && d.series.label[i] !== "normal" ? c : (typeof c === "number" ? 1 - c : c); });
    box.appendChild(panel(d, {
      width: width, height: 150, cls: "model", strong: true, axis: true, lo: 0, hi: 1, bands: faults, labels: d.labels,
      segments: segments(t, conf, d.gap_after), title: "Model: fault bands and fault confidence (%)",
      label: "The model's label and confidence: " + faults.length + " fault bands, " + gaps(d).length + " gaps, " + marks(d).length + " alert marks",
      hiText: "100 %", loText: "0 %"
    }));
    legend(faults);
  }

  function legend(faults) {
    var ul = document.getElementById("fault-legend");
    while (ul.firstChild) { ul.removeChild(ul.firstChild); }
    var seen = {};
    faults.concat(data.labels.map(function (l) { return { value: l.label }; })).forEach(function (b) {
      if (seen[b.value]) { return; }
      seen[b.value] = true;
      var li = html("li", null, A.faultName(b.value));
      var sw = html("span", "swatch");
      sw.style.background = colour(b.value);
      li.insertBefore(sw, li.firstChild);
      ul.appendChild(li);
    });
    [["gap", "no data (gap)"], ["opened", "▲ alert opened"], ["acknowledged", "✓ acknowledged"], ["resolved", "● resolved"]].forEach(function (k) {
      var li = html("li", "key-" + k[0], k[1]);
      ul.appendChild(li);
    });
  }

  function picker() {
    var fs = document.getElementById("series-picker");
    var names = Object.keys(A.FEATURES).filter(function (n) { return data.series.values[n]; });
    Object.keys(data.series.values).forEach(function (n) { if (names.indexOf(n) < 0) { names.push(n); } });
    chosen = DEFAULT.filter(function (n) { return names.indexOf(n) >= 0; });
    if (!chosen.length) { chosen = names.slice(0, 3); }
    names.forEach(function (n) {
      var label = html("label", "check");
      var box2 = document.createElement("input");
      box2.type = "checkbox";
      box2.value = n;
      box2.checked = chosen.indexOf(n) >= 0;
      box2.addEventListener("change", function () {
        chosen = names.filter(function (m) { var c = fs.querySelector("input[value='" + m + "']"); return c && c.checked; });
        summary();
        draw();
      });
      label.appendChild(box2);
      var unit = A.featureUnit(n);
      label.appendChild(document.createTextNode(A.featureLabel(n) + (unit ? " (" + unit + ")" : "")));
      fs.appendChild(label);
    });
    var summary = function () {
      document.getElementById("series-summary").textContent = "Series: " + chosen.length + " of " + names.length + " shown";
    };
    summary();
  }

  var q = "?start=" + encodeURIComponent(body.dataset.start) + "&end=" + encodeURIComponent(body.dataset.end);
  A.api("GET", "/assets/" + encodeURIComponent(sensor) + "/series" + q).then(function (res) {
    if (!res.ok || !res.data) {
      while (box.firstChild) { box.removeChild(box.firstChild); }
      box.appendChild(html("p", "error", A.errorText(res)));
      return;
    }
    data = res.data;
    picker();
    draw();
    box.dataset.ready = "1";
  });
  var resizing = null;
  window.addEventListener("resize", function () {
    if (!data) { return; }
    window.clearTimeout(resizing);
    resizing = window.setTimeout(draw, 150);
  });

  /* ---- a label on a whole episode --------------------------------------------------- */
  var form = document.getElementById("episode-form");
  if (form) {
    A.bindForm(form, function () {
      var alertId = form.elements.alert_id.value;
      var payload = { label: form.elements.label.value, notes: form.elements.notes.value.trim() || null };
      if (alertId) {
        payload.alert_id = Number(alertId);
      } else {
        payload.start = clock.parseField(form.elements.start.value);
        payload.end = clock.parseField(form.elements.end.value);
        if (isNaN(payload.start) || isNaN(payload.end)) {
          A.showError(form, "From and To: enter a date and time.");
          return null;
        }
      }
      return A.api("POST", "/assets/" + encodeURIComponent(sensor) + "/feedback", payload).then(function (res) {
        if (res.ok) { location.reload(); } else { A.formFailed(form, res); }
      });
    });
  }
})();

/* ---- issue 23: the latest prediction and why (/assets/<id>/explanation, /drift) ---- */
(function () {
  "use strict";
  var A = window.AastreliApp, C = window.AastreliClock, box = document.getElementById("why");
  if (!A || !box) { return; }
  var base = "/assets/" + encodeURIComponent(document.body.dataset.sensor);
  var DRIFT = { ok: "ok", drifting: "warn", out_of_range: "bad" };
  function $(id) { return document.getElementById(id); }
  function say(id, text) { var e = $(id); e.textContent = text || ""; e.classList.toggle("hidden", !text); }
  function explain(r) {
    var ol = $("why-top"), d = r.data, e = r.ok && d.explanation, to = e && A.faultName(e.label), push = 0;
    ol.textContent = "";
    say("why-pred", e ? to + " · " + A.pct(d.prediction.confidence) + " at " + C.format(d.timestamp, "time") + ", mostly because of:" : A.errorText(r));
    if (!e) { return; }
    e.contributions.forEach(function (c) { push += Math.max(c, 0); });
    e.top.forEach(function (c) {
      ol.appendChild(document.createElement("li")).textContent = c.label + " " + (c.value === null ? "missing" : A.fmt(c.value) + " " + c.unit) + ": " + Math.round(100 * c.contribution / push) + " % of the push toward " + to + " (+" + A.fmt(c.contribution) + ")";
    });
    $("why-method").textContent = e.mode === "saabas" ? "Saabas (approximate)" : "TreeSHAP (exact)";
    say("why-range", d.out_of_range.length ? "Outside the training range: " + d.out_of_range.map(A.featureLabel).join(", ") : "");
  }
  function drift(r) {
    var d = r.data, b = $("why-drift-state"), top = r.ok ? Object.keys(d.psi_top) : [];
    b.textContent = "drift: " + (r.ok ? d.state.replace(/_/g, " ") : "not checked yet");
    b.className = "badge " + (r.ok ? DRIFT[d.state] : "");
    say("why-drift", r.ok && d.state !== "ok" ? "Since " + C.format(d.since, "datetime") + (d.state === "drifting" ? "" : ": " + Math.round(100 * d.out_of_range_recent) + " % of the last readings outside the training range") + (top.length ? "; moved most: " + top.map(function (f) { return A.featureLabel(f) + " (PSI " + A.fmt(d.psi_top[f]) + ")"; }).join(", ") : "") : "");
  }
  function load() {
    Promise.all([A.api("GET", base + "/explanation").then(explain), A.api("GET", base + "/drift").then(drift)]).then(function () { box.dataset.ready = "1"; });
  }
  load();
  setInterval(load, 20000);
})();
