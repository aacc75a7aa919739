/* Aastreli gateway admin UI: the pages' behaviour. No framework, no inline script (CSP).
 *
 * Every call goes to the JSON API with the session cookies; a state-changing call repeats
 * the CSRF cookie in X-CSRF-TOKEN. When the short access token expired, the script asks
 * for new cookies, telling the server how long the user has been idle; after the idle
 * timeout it leaves for the login page instead. Data from the server is put into the
 * page with textContent only, never as HTML.
 */
(function () {
  "use strict";

  var body = document.body;
  var page = body.dataset.page || "";
  var signedIn = Boolean(body.dataset.user);
  var isDisplay = body.dataset.role === "display";
  var UI = window.AastreliUI;
  var clock = window.AastreliClock;
  var idleMs = Number(body.dataset.idleMinutes || 30) * 60000;
  var lastActivity = Date.now();

  ["click", "keydown", "mousemove", "scroll", "touchstart"].forEach(function (ev) {
    window.addEventListener(ev, function () { lastActivity = Date.now(); }, { passive: true });
  });

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function cookie(name) {
    var parts = document.cookie ? document.cookie.split("; ") : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf("=");
      if (parts[i].slice(0, eq) === name) { return decodeURIComponent(parts[i].slice(eq + 1)); }
    }
    return "";
  }
  function csrf(kind) {
    var base = kind === "refresh" ? "aastreli_csrf_refresh" : "aastreli_csrf";
    return cookie("__Host-" + base) || cookie(base);
  }

  function goLogin(reason) {
    if (isDisplay) {
      /* A wall screen's session only ends when its link was revoked: say so on the screen. */
      location.assign("/ui/display?reason=display_ended");
      return;
    }
    var next = location.pathname + location.search;
    var go = function () {
      location.assign("/ui/login?reason=" + encodeURIComponent(reason) + "&next=" + encodeURIComponent(next));
    };
    // The session ended here (idle, expired): end it on the server too, with the CSRF
    // value (the login page never ends a session by itself: a link could do that).
    fetch("/logout", {
      method: "POST", credentials: "same-origin",
      headers: { "X-CSRF-TOKEN": csrf("access") || csrf("refresh") }
    }).then(go, go);
  }

  function idleSeconds() { return Math.floor((Date.now() - lastActivity) / 1000); }

  var refreshing = null;
  function refreshSession() {
    if (!refreshing) {
      refreshing = fetch("/session/refresh", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": csrf("refresh") },
        body: JSON.stringify({ idle_seconds: idleSeconds() })
      }).then(function (r) { return r.ok; }, function () { return false; })
        .then(function (ok) { refreshing = null; return ok; });
    }
    return refreshing;
  }

  /* fetch against the API: JSON in and out, CSRF header, one refresh-and-retry. */
  function api(method, url, data, retried) {
    var headers = { "Accept": "application/json" };
    var payload;
    if (data instanceof FormData) {
      payload = data;
    } else if (data !== undefined) {
      headers["Content-Type"] = "application/json";
      payload = JSON.stringify(data);
    }
    if (method !== "GET") { headers["X-CSRF-TOKEN"] = csrf("access"); }
    return fetch(url, { method: method, headers: headers, body: payload, credentials: "same-origin" })
      .then(function (resp) {
        return resp.text().then(function (text) {
          var json = null;
          try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
          return { status: resp.status, ok: resp.ok, data: json };
        });
      })
      .then(function (res) {
        var code = res.data && res.data.code;
        if (res.status === 401 && signedIn && !retried && (code === "token_expired" || code === "not_authenticated")) {
          if (!isDisplay && idleSeconds() * 1000 >= idleMs) { goLogin("idle"); return res; }
          return refreshSession().then(function (ok) {
            if (!ok) { goLogin("expired"); return res; }
            return api(method, url, data, true);
          });
        }
        if (res.status === 401 && signedIn && (code === "token_revoked" || code === "session_idle" || code === "session_expired")) {
          goLogin("expired");
        }
        return res;
      });
  }

  function errorText(res) {
    var d = res.data;
    if (!d) { return "The gateway answered " + res.status + "."; }
    if (typeof d.detail === "string") { return d.detail; }
    if (d.fields) {
      return Object.keys(d.fields).map(function (k) { return d.fields[k]; }).join(" ");
    }
    return "The gateway answered " + res.status + ".";
  }

  function showError(form, message) {
    var box = (form && $("[data-role=form-error]", form)) || $("#page-error");
    if (!box) { return; }
    box.textContent = message || "";
    box.classList.toggle("hidden", !message);
  }

  function value(id) { var e = document.getElementById(id); return e ? e.value : ""; }

  /* A refused form: each field's message next to its field (found by `find`, by default
   * the form's field of that name), the rest above the submit button. */
  function formFailed(form, res, find) {
    UI.clearErrors(form);
    var fields = res.data && res.data.fields;
    if (res.status === 422 && fields) {
      var left = UI.showFieldErrors(form, fields, find || UI.byName(form));
      showError(form, left.join(" "));
    } else {
      showError(form, errorText(res));
    }
  }

  /* A check made here before sending: the message next to the field, false to stop. */
  function refuse(form, id, message) {
    UI.clearErrors(form);
    var field = document.getElementById(id);
    UI.fieldError(field, message);
    field.focus();
    return null;
  }

  /* ---- every signed-in page: idle watch and sign out ---------------------------- */
  if (signedIn && !isDisplay) {
    window.setInterval(function () {
      if (Date.now() - lastActivity >= idleMs) { goLogin("idle"); }
    }, 15000);
  }
  if (signedIn) {
    var signOut = function (url) {
      return function () {
        fetch(url, {
          method: "POST", credentials: "same-origin",
          headers: { "X-CSRF-TOKEN": csrf("access") || csrf("refresh") }
        }).then(function () { location.assign("/ui/login?reason=signed_out"); },
                function () { location.assign("/ui/login?reason=signed_out"); });
      };
    };
    var logout = $("#logout");
    if (logout) { logout.addEventListener("click", signOut("/logout")); }
    var everywhere = $("#logout-everywhere");
    if (everywhere) { everywhere.addEventListener("click", signOut("/logout?everywhere=true")); }
  }

  /* ---- setup, login, register, account ----------------------------------------- */
  function bindForm(id, handler) {
    var form = typeof id === "string" ? document.getElementById(id) : id;
    if (!form) { return; }
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      showError(form, "");
      UI.clearErrors(form);
      var btn = $("button[type=submit]", form);
      if (btn) { btn.disabled = true; }
      Promise.resolve(handler(form)).then(function () { if (btn) { btn.disabled = false; } },
        function () { if (btn) { btn.disabled = false; } showError(form, "The gateway did not answer."); });
    });
  }

  bindForm("setup-form", function (form) {
    if (value("password") !== value("password2")) { return refuse(form, "password2", "The passwords differ: type the same password twice."); }
    return api("POST", "/setup", {
      setup_code: value("setup_code"), email: value("email"), username: value("username"),
      full_name: value("full_name") || null, password: value("password")
    }).then(function (res) {
      if (res.ok) { location.assign("/ui/login?reason=setup_done"); } else { formFailed(form, res); }
    });
  });

  bindForm("login-form", function (form) {
    return api("POST", "/session", { email: value("email"), password: value("password") }).then(function (res) {
      if (res.ok) { location.assign(body.dataset.next || "/ui/dashboard"); } else { formFailed(form, res); }
    });
  });

  bindForm("register-form", function (form) {
    if (value("password") !== value("password2")) { return refuse(form, "password2", "The passwords differ: type the same password twice."); }
    return api("POST", "/register", {
      email: value("email"), username: value("username"), full_name: value("full_name") || null,
      password: value("password")
    }).then(function (res) {
      if (res.ok) { location.assign("/ui/login?reason=registered"); } else { formFailed(form, res); }
    });
  });

  bindForm("password-form", function (form) {
    if (value("new_password") !== value("new_password2")) { return refuse(form, "new_password2", "The new passwords differ: type the same password twice."); }
    return api("POST", "/me/password", { current_password: value("current_password"), new_password: value("new_password") })
      .then(function (res) {
        if (res.ok) { location.assign("/ui/account?reason=password_changed"); } else { formFailed(form, res); }
      });
  });

  /* ---- dashboard ------------------------------------------------------------------ */
  /* Words and units of each feature, and each fault class in words, from the server. */
  var FEATURES = {};
  try {
    JSON.parse(body.dataset.featureMeta || "[]").forEach(function (f) { FEATURES[f.name] = f; });
  } catch (e) { FEATURES = {}; }
  var FAULTS = {};
  try { FAULTS = JSON.parse(body.dataset.faultNames || "{}"); } catch (e) { FAULTS = {}; }

  function featureLabel(name) { return (FEATURES[name] && FEATURES[name].label) || name; }
  function featureUnit(name) { return (FEATURES[name] && FEATURES[name].unit) || ""; }
  function faultName(cls) {
    if (!cls) { return "no prediction"; }
    return FAULTS[cls] || String(cls).replace(/[_\-\s]+/g, " ").replace(/^./, function (c) { return c.toUpperCase(); });
  }
  function fmt(v, digits) {
    if (v === null || v === undefined || typeof v !== "number" || !isFinite(v)) { return "—"; }
    return v.toFixed(digits === undefined ? 2 : digits);
  }
  function duration(seconds) {
    var s = Math.max(0, Math.round(Number(seconds) || 0));
    if (s < 90) { return s + " s"; }
    if (s < 5400) { return Math.round(s / 60) + " min"; }
    return Math.floor(s / 3600) + " h " + Math.round((s % 3600) / 60) + " min";
  }
  var UNSCORED = { insufficient_data: "too few good values", no_model: "no model", model_error: "model error" };
  /* The asset's data state in words: "stale for 2 min", "offline for 30 s (plc down)". */
  function stateText(a) {
    var since = duration(a.state_seconds);
    if (a.state === "stale") {
      return "stale for " + since + (a.last_reading_at ? " · last reading " + duration(a.age_seconds) + " ago" : " · no reading since the start");
    }
    if (a.state === "offline") { return "offline for " + since + " · source " + (a.source || "?") + " is down"; }
    if (a.state === "no_data") { return "no data since the start (" + since + ")"; }
    return "";
  }
  function withUnit(v, unit) {
    var text = fmt(v);
    return text === "—" || !unit ? text : text + " " + unit;
  }
  function pct(v) { return fmt((v || 0) * 100, 1) + " %"; }

  var charts = {};  /* sensor id -> {points, last, feature} */

  function drawChart(canvas, state) {
    var ctx = canvas.getContext("2d");
    var ratio = window.devicePixelRatio || 1;
    var w = canvas.clientWidth || 560, h = canvas.clientHeight || 160;
    if (canvas.width !== Math.round(w * ratio)) { canvas.width = Math.round(w * ratio); canvas.height = Math.round(h * ratio); }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, w, h);
    var pts = state.points.filter(function (p) { return typeof p.values[state.feature] === "number"; });
    ctx.font = "11px system-ui, sans-serif";
    if (pts.length < 2) {
      ctx.fillStyle = "#56616d";
      ctx.fillText("collecting points…", 10, h / 2);
      return;
    }
    var unit = featureUnit(state.feature);
    var left = 58, right = 8, top = 8, bottom = 18;
    var t0 = pts[0].t, t1 = pts[pts.length - 1].t;
    var vals = pts.map(function (p) { return p.values[state.feature]; });
    var lo = Math.min.apply(null, vals), hi = Math.max.apply(null, vals);
    if (hi - lo < 1e-9) { hi += 1; lo -= 1; }
    var pad = (hi - lo) * 0.08; hi += pad; lo -= pad;
    function x(t) { return left + (w - left - right) * (t1 > t0 ? (t - t0) / (t1 - t0) : 1); }
    function y(v) { return top + (h - top - bottom) * (1 - (v - lo) / (hi - lo)); }
    /* faults predicted: shaded bands */
    ctx.fillStyle = "rgba(180, 86, 10, 0.14)";
    for (var i = 0; i < pts.length - 1; i++) {
      if (pts[i].prediction && pts[i].prediction !== "normal") {
        ctx.fillRect(x(pts[i].t), top, Math.max(1, x(pts[i + 1].t) - x(pts[i].t)), h - top - bottom);
      }
    }
    ctx.strokeStyle = "#d9dee4"; ctx.lineWidth = 1;
    ctx.beginPath(); ctx.moveTo(left, top); ctx.lineTo(left, h - bottom); ctx.lineTo(w - right, h - bottom); ctx.stroke();
    ctx.fillStyle = "#56616d";
    ctx.fillText(fmt(hi, 1) + (unit ? " " + unit : ""), 2, top + 9);
    ctx.fillText(fmt(lo, 1) + (unit ? " " + unit : ""), 2, h - bottom);
    ctx.fillText(clock.format(t0, "time"), left, h - 4);
    var endLabel = clock.format(t1, "time");
    ctx.fillText(endLabel, w - right - ctx.measureText(endLabel).width, h - 4);
    ctx.strokeStyle = "#12507a"; ctx.lineWidth = 1.6;
    ctx.beginPath();
    pts.forEach(function (p, k) {
      var px = x(p.t), py = y(p.values[state.feature]);
      if (k === 0) { ctx.moveTo(px, py); } else { ctx.lineTo(px, py); }
    });
    ctx.stroke();
    canvas.setAttribute("aria-label", featureLabel(state.feature) + " from " + clock.format(t0, "time") +
      " to " + endLabel + ", between " + withUnit(Math.min.apply(null, vals), unit) + " and " +
      withUnit(Math.max.apply(null, vals), unit));
  }

  function updateChart(sensorId, card) {
    var state = charts[sensorId];
    var since = state.points.length ? state.points[state.points.length - 1].t + 1e-6 : 0;
    return api("GET", "/dashboard/chart?sensor_id=" + encodeURIComponent(sensorId) + "&since=" + since).then(function (res) {
      if (!res.ok || !res.data) { return; }
      state.points = state.points.concat(res.data.points);
      var cutoff = Date.now() / 1000 - 3600;
      state.points = state.points.filter(function (p) { return p.t >= cutoff; });
      drawChart($("canvas.chart", card), state);
    });
  }

  function assetCard(asset, features) {
    var id = "asset-" + asset.sensor_id.replace(/[^A-Za-z0-9_-]/g, "_");
    var card = document.getElementById(id);
    if (!card) {
      card = document.importNode($("#asset-template").content, true).firstElementChild;
      card.id = id;
      card.dataset.sensor = asset.sensor_id;
      $(".controls", card).dataset.sensor = asset.sensor_id;
      $(".asset-name", card).textContent = asset.sensor_id;
      $(".asset-name", card).href = "/ui/assets/" + encodeURIComponent(asset.sensor_id);
      var select = $(".chart-feature", card);
      features.forEach(function (f) {
        var opt = el("option", null, featureLabel(f) + (featureUnit(f) ? " (" + featureUnit(f) + ")" : ""));
        opt.value = f;
        select.appendChild(opt);
      });
      charts[asset.sensor_id] = { points: [], feature: features[0] };
      select.addEventListener("change", function () {
        charts[asset.sensor_id].feature = select.value;
        drawChart($("canvas.chart", card), charts[asset.sensor_id]);
      });
      var tbody = $(".values tbody", card);
      features.forEach(function (f) {
        var tr = el("tr");
        tr.appendChild(el("td", null, featureLabel(f)));
        var td = el("td", "num value", "—");
        td.dataset.feature = f;
        tr.appendChild(td);
        tbody.appendChild(tr);
      });
      $("#assets").appendChild(card);
    }
    var badge = $(".prediction", card);
    var live = asset.state === "live";
    if (!live) {
      badge.textContent = asset.state === "no_data" ? "no data" : asset.state;
      badge.className = "badge prediction stale";
    } else if (asset.prediction) {
      badge.textContent = faultName(asset.prediction) + " · " + pct(asset.confidence);
      badge.className = "badge prediction " + (asset.anomaly ? "warn" : (asset.prediction === "normal" ? "ok" : ""));
    } else {
      badge.textContent = "no prediction" + (asset.unscored ? ": " + (UNSCORED[asset.unscored] || asset.unscored) : "");
      badge.className = "badge prediction";
    }
    card.classList.toggle("anomaly", Boolean(asset.anomaly));
    ["stale", "offline", "no_data"].forEach(function (s) { card.classList.toggle("state-" + s, asset.state === s); });
    var stateLine = $(".asset-state", card);
    stateLine.textContent = stateText(asset);
    stateLine.classList.toggle("hidden", live);
    /* issue 23: what drove a fault most; drift when not ok */
    var ex = live && asset.prediction !== "normal" && asset.explanation, dr = asset.drift ? asset.drift.state : "ok";
    var top = $(".why-top", card).textContent = ex && ex.length ? "mostly: " + ex[0].label : "";
    $(".why-drift", card).textContent = dr === "ok" ? "" : "drift: " + dr.replace(/_/g, " ");
    $(".asset-why", card).classList.toggle("hidden", !top && dr === "ok");
    /* The time alone while it is recent; with its date once it is not (a dead source). */
    var recent = typeof asset.ts === "number" && Date.now() / 1000 - asset.ts < 43200;
    $(".asset-meta", card).textContent = "via " + (asset.source || "?") + " · last reading " +
      (asset.timestamp ? clock.format(asset.timestamp, recent ? "time" : "datetime") : "—") + " · " +
      asset.count + " readings" + (live || !asset.count ? "" : " · values below are the last known, " +
      duration(asset.age_seconds) + " old");
    $all("td.value", card).forEach(function (td) {
      var v = asset.values[td.dataset.feature];
      td.textContent = withUnit(v, featureUnit(td.dataset.feature));
      td.classList.toggle("bad", v === null);
    });
    return card;
  }

  /* ---- controls: guarded writes (docs/writes.md) ------------------------------------ */
  /* On the dashboard's cards and the asset's page: a .controls[data-sensor] box each. */
  var writable = null; /* null: not asked yet; []: none, or this account may not see them */

  function shownValue(p, v) {
    if (v === null || v === undefined) { return "unknown"; }
    return withUnit(v, p.unit || featureUnit(p.feature || ""));
  }

  /* Old and new value in the question; a point that asks for it gets a second one. */
  function confirmWrite(p, value) {
    var label = p.sensor_id + " " + featureLabel(p.feature || p.name);
    var question = "Write " + label + ": " + shownValue(p, p.value) + " → " + shownValue(p, value) + "?";
    if (p.dry_run) { question += "\n(The gateway is in dry-run: nothing will be sent.)"; }
    if (!UI.confirm(question)) { return false; }
    return !p.confirm || UI.confirm("Confirm again: " + label + " to " + shownValue(p, value) +
      ". This point asks for a second confirmation.");
  }

  function sendWrite(p, value, status) {
    if (!confirmWrite(p, value)) { return; }
    status.textContent = "writing…";
    status.className = "control-status";
    api("POST", "/writes", { writes: [{ point: p.name, value: value }], confirm: p.confirm }).then(function (res) {
      var r = res.data && res.data.results && res.data.results[0];
      if (res.ok && r) {
        status.textContent = r.status === "verified" ? "written, read back " + shownValue(p, r.readback) :
          (r.status === "dry_run" ? "checked (dry run): nothing sent" : "written");
        status.className = "control-status ok";
      } else {
        status.textContent = (r && r.detail) || (res.data && res.data.detail) || errorText(res);
        status.className = "control-status error";
      }
      writable = null;  /* the point's new value and state */
      loadControls();
    });
  }

  /* Handlers read row._point: the point's latest state (value, blocked...). */
  function controlRow(p) {
    var row = el("div", "control");
    row.dataset.point = p.name;
    row._point = p;
    row.appendChild(el("span", "control-name", featureLabel(p.feature || p.name)));
    row.appendChild(el("span", "num control-value", ""));
    var status = el("span", "control-status");
    status.setAttribute("role", "status");
    var why = el("span", "control-why");
    why.id = "why-" + p.name.replace(/[^A-Za-z0-9_-]/g, "_") + "-" + (++controlSeq);
    if (p.binary) {
      var toggle = el("button", "secondary small control-toggle", "");
      toggle.type = "button";
      toggle.addEventListener("click", function () {
        sendWrite(row._point, row._point.value === 1 ? 0 : 1, status);
      });
      row.appendChild(toggle);
    } else {
      var input = el("input", "control-input");
      input.type = "number";
      ["min", "max", "step"].forEach(function (k) { if (p[k] !== null) { input[k] = p[k]; } });
      input.setAttribute("aria-label", featureLabel(p.feature || p.name));
      var set = el("button", "secondary small control-set", "Set");
      set.type = "button";
      set.addEventListener("click", function () {
        if (input.value === "" || !input.checkValidity()) { status.textContent = input.validationMessage || "Enter a value."; return; }
        sendWrite(row._point, Number(input.value), status);
      });
      row.appendChild(input);
      row.appendChild(set);
    }
    $all("button, input", row).forEach(function (e) { e.setAttribute("aria-describedby", why.id); });
    row.appendChild(why);
    row.appendChild(status);
    return row;
  }
  var controlSeq = 0;

  /* Why the point cannot be written now, in words ("" when it can). */
  function writeBlocked(p) {
    if (!p.can_write) { return "Needs the " + p.role + " role; you are " + (body.dataset.role || "signed out") + "."; }
    return p.blocked.join("; ");
  }

  function renderControls(points) {
    var boxes = $all(".controls[data-sensor]");
    points.forEach(function (p) {
      if (p.kind !== "point") { return; }
      var box = boxes.filter(function (b) { return b.dataset.sensor === p.sensor_id; })[0];
      if (!box) { return; }
      box.classList.remove("hidden");
      var row = $all(".control", box).filter(function (r) { return r.dataset.point === p.name; })[0];
      if (!row) { row = controlRow(p); $(".control-list", box).appendChild(row); }
      row._point = p;
      $(".control-value", row).textContent = shownValue(p, p.value);
      var toggle = $(".control-toggle", row);
      if (toggle) { toggle.textContent = p.value === 1 ? "Set to 0" : "Set to 1"; }
      var why = writeBlocked(p);
      $all("button, input", row).forEach(function (e) { e.disabled = why !== ""; });
      $(".control-why", row).textContent = why;
      row.classList.toggle("blocked", why !== "");
      $(".controls-note", box).textContent = p.dry_run ? "Dry run: writes are checked, not sent." : "";
    });
  }

  function loadControls() {
    if (isDisplay || (writable !== null && writable.length === 0)) { return null; }
    return api("GET", "/writable-points").then(function (res) {
      writable = res.ok && res.data ? res.data.points : [];
      renderControls(writable);
    });
  }
  /* The asset's page has no refresh of its own: the points' state every 10 s. */
  if (page === "asset") { loadControls(); window.setInterval(loadControls, 10000); }

  function fillTable(table, rows, empty, cells) {
    var tbody = $("tbody", table);
    while (tbody.firstChild) { tbody.removeChild(tbody.firstChild); }
    rows.forEach(function (r) {
      var tr = el("tr");
      cells(r).forEach(function (c) {
        if (c instanceof Node) { var td = el("td"); td.appendChild(c); tr.appendChild(td); }
        else { tr.appendChild(el("td", null, c)); }
      });
      tbody.appendChild(tr);
    });
    UI.labelTable(table);
    empty.classList.toggle("hidden", rows.length > 0);
  }

  var SEVERITIES = ["critical", "major", "warning", "info"];
  var DATA_LOSS = { asset_stale: "Asset stale", source_down: "Source down" };
  function alertName(a) { return a.kind === "data_loss" ? (DATA_LOSS[a.fault_type] || a.fault_type) : faultName(a.fault_type); }
  function assetLink(a, text) {
    if (isDisplay) { return el("span", null, text || a.sensor_id); }  /* a wall screen has no asset pages */
    var link = el("a", null, text || a.sensor_id);
    link.href = "/ui/assets/" + encodeURIComponent(a.sensor_id) + (a.id ? "#alert-" + a.id : "");
    return link;
  }
  /* An asset's card lists its active alerts, also once its prediction is back to normal. */
  function cardAlerts(sensorId, active) {
    var card = document.getElementById("asset-" + sensorId.replace(/[^A-Za-z0-9_-]/g, "_"));
    if (!card) { return; }
    var ul = $(".card-alerts", card);
    while (ul.firstChild) { ul.removeChild(ul.firstChild); }
    var mine = active.filter(function (a) { return a.sensor_id === sensorId; });
    mine.forEach(function (a) {
      var li = el("li");
      li.appendChild(el("span", "badge sev " + a.severity, a.severity));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(assetLink(a, alertName(a) + " · " + a.state + " since " + clock.format(a.opened_at, "time")));
      ul.appendChild(li);
    });
    ul.classList.toggle("hidden", mine.length === 0);
  }
  /* Acknowledge from the dashboard (a note: on the asset's page or the Alerts page). */
  var canAck = body.dataset.canAck === "1";
  function ackButton(a) {
    var b = el("button", "small ack", "Acknowledge");
    b.type = "button";
    b.addEventListener("click", function () {
      b.disabled = true;
      api("POST", "/alerts/" + encodeURIComponent(a.id) + "/acknowledge", {}).then(function (res) {
        if (res.ok) { b.textContent = "Acknowledged"; } else { showError(null, errorText(res)); b.disabled = false; }
      });
    });
    return b;
  }
  /* The tab's title carries the number of open (unacknowledged) alerts. */
  var baseTitle = document.title.replace(/^\(\d+\) /, "");
  function openCount(n) { document.title = (n ? "(" + n + ") " : "") + baseTitle; }

  function renderDashboard(d, features) {
    $("#stat-assets").textContent = d.stats.assets;
    $("#stat-anomalies").textContent = d.stats.anomalies;
    $("#stat-nodata").textContent = d.stats.stale + d.stats.offline + d.stats.no_data;
    var health = $("#stat-health");
    health.textContent = d.stats.health;
    health.className = "badge " + ({ ok: "ok", degraded: "stale", unhealthy: "warn" }[d.stats.health] || "");
    health.title = (d.stats.problems || []).join("\n");
    $("#stat-alerts").textContent = d.stats.active_alerts;
    $("#stat-sources").textContent = d.stats.sources_up + " / " + d.stats.sources;
    $("#stat-readings").textContent = d.stats.readings_received;
    $("#generated-at").textContent = "updated " + clock.format(d.generated_at, "time");
    $("#assets-empty").classList.toggle("hidden", d.assets.length > 0);
    var jobs = d.assets.map(function (a) {
      var card = assetCard(a, features);
      return updateChart(a.sensor_id, card);
    });
    jobs.push(loadControls());
    var active = d.active_alerts.slice().sort(function (a, b) {
      return (SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity)) || (b.opened_at - a.opened_at);
    });
    fillTable($("#alerts-table"), active, $("#alerts-empty"), function (a) {
      var conf = a.confidence === null || a.confidence === undefined ? "—" : pct(a.confidence);
      var state = a.state + (a.asset_state && a.asset_state !== "live" && a.kind !== "data_loss" ? " · data " + a.asset_state : "");
      var cells = [el("span", "badge sev " + a.severity, a.severity), assetLink(a), alertName(a), clock.format(a.opened_at), conf, state];
      if (canAck) { cells.push(a.state === "open" ? ackButton(a) : ""); }
      return cells;
    });
    d.assets.forEach(function (asset) { cardAlerts(asset.sensor_id, active); });
    openCount(active.filter(function (a) { return a.state === "open"; }).length);
    fillTable($("#sources-table"), d.sources, $("#sources-empty"), function (s) {
      var badge = el("span", "badge " + (s.state === "up" ? "ok" : "warn"), s.state);
      return [s.name, s.protocol, badge, String(s.received), s.last_error || ""];
    });
    return Promise.all(jobs);
  }

  if (page === "dashboard") {
    var features = (body.dataset.features || "").split(",").filter(Boolean);
    var auto = body.dataset.autoRefresh === "1" || isDisplay;
    var every = Math.max(1, Number(body.dataset.refreshInterval || 5)) * 1000;
    var timer = null;
    var load = function () {
      return api("GET", "/dashboard").then(function (res) {
        if (res.ok && res.data) { showError(null, ""); return renderDashboard(res.data, features); }
        showError(null, errorText(res));
        return null;
      }, function () { showError(null, "The gateway did not answer; trying again."); });
    };
    var loop = function () {
      load().then(function () { if (auto) { timer = window.setTimeout(loop, every); } });
    };
    $("#refresh-now").addEventListener("click", function () {
      if (timer) { window.clearTimeout(timer); }
      loop();
    });
    loop();
    if (isDisplay) {
      /* A wall screen reloads the page every hour (new assets, a new version after an
       * update), but only once the gateway answers: never onto a browser error page. */
      window.setInterval(function () {
        fetch("/healthz", { credentials: "same-origin" }).then(function (r) {
          if (r.status === 200 || r.status === 503) { location.reload(); }
        }, function () { /* down: keep showing the last values and keep polling */ });
      }, 3600000);
    }
  }

  /* ---- readings: feedback --------------------------------------------------------- */
  $all(".feedback-send").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var select = $(".feedback-label", btn.parentNode);
      btn.disabled = true;
      api("POST", "/feedback", { reading_id: Number(btn.dataset.reading), label: select.value }).then(function (res) {
        btn.textContent = res.ok ? "Saved" : "Failed";
        if (!res.ok) { showError(null, errorText(res)); btn.disabled = false; }
      });
    });
  });

  /* ---- alerts: acknowledge with an optional note ---------------------------------- */
  /* Clear resolves a fault alert now (after a confirmation); a fault that goes on opens a new one. */
  $all("form.ack-form").forEach(function (form) {
    $all("button[data-action]", form).forEach(function (b) {
      b.addEventListener("click", function () { form.dataset.action = b.dataset.action; });
    });
    bindForm(form, function () {
      var note = $("input[name=note]", form).value.trim();
      var action = form.dataset.action || "acknowledge";
      if (action === "clear" && !UI.confirm("Clear this alert? It resolves now and its resolution is sent; " +
          "if the fault goes on, a new alert opens.")) { return null; }
      return api("POST", "/alerts/" + encodeURIComponent(form.dataset.alert) + "/" + action,
        note ? { note: note } : {}).then(function (res) {
        if (res.ok) { location.reload(); } else { formFailed(form, res); }
      });
    });
  });

  /* What the asset page's script (asset.js) shares with this one. */
  window.AastreliApp = {
    api: api, bindForm: bindForm, formFailed: formFailed, showError: showError, errorText: errorText,
    faultName: faultName, featureLabel: featureLabel, featureUnit: featureUnit, fmt: fmt, pct: pct,
    FEATURES: FEATURES, FAULTS: FAULTS
  };

  /* ---- settings ------------------------------------------------------------------- */
  var ACTION_FIELDS = {
    email: ["email", "Email address", "email"],
    sms: ["phone", "Phone number", "tel"],
    webhook: ["url", "Webhook URL (http:// or https://)", "url"],
    slack: ["channel", "Slack incoming-webhook URL", "url"],
    apprise: ["url", "Apprise URL (e.g. tgram://token/chat)", "text"]
  };
  var ACTION_NAMES = { email: "email", sms: "SMS", webhook: "webhook", slack: "Slack", apprise: "Apprise" };
  var MASK = "********";

  /* "Targets exist but notifications are off": said where the user can fix it. */
  function notificationsWarning() {
    var box = $("#notifications-off");
    if (!box) { return; }
    var targets = $all("fieldset.action", $("#actions")).filter(function (n) {
      return n.dataset.type !== "device_write" && $(".action-enabled", n).checked;
    });
    box.classList.toggle("hidden", !(targets.length > 0 && !$("#enableNotifications").checked));
  }

  /* A device_write fault action (docs/writes.md): its own fields, no address, no test. */
  var DEVICE_WRITE = { min_confidence: 0.9, after_minutes: 0, cooldown_minutes: 30, dry_run: true };

  function deviceWriteRow(action, canEdit) {
    var node = document.importNode($("#device-write-template").content, true).firstElementChild;
    var config = Object.assign({}, DEVICE_WRITE, action.config || {});
    node.dataset.id = action.id;
    node.dataset.type = action.type;
    node._config = config;
    $(".action-enabled", node).checked = action.enabled !== false;
    Object.keys(config).forEach(function (k) {
      var input = $(".dw-" + k, node);
      if (!input) { return; }
      if (input.type === "checkbox") { input.checked = Boolean(config[k]); }
      else if (config[k] !== undefined && config[k] !== null) { input.value = String(config[k]); }
    });
    if (!canEdit) { $all("input, select, button", node).forEach(function (e) { e.disabled = true; }); }
    $(".action-remove", node).addEventListener("click", function () {
      if (!UI.confirm("Remove the device write on " + $(".dw-point", node).value + "? It is gone once you save the settings.")) { return; }
      node.parentNode.removeChild(node);
      UI.markDirty();
    });
    return node;
  }

  function readDeviceWrite(node) {
    var config = Object.assign({}, node._config);
    ["fault_type", "point"].forEach(function (k) { config[k] = $(".dw-" + k, node).value; });
    ["value", "min_confidence", "after_minutes", "cooldown_minutes"].forEach(function (k) {
      var v = $(".dw-" + k, node).value;
      config[k] = v === "" ? null : Number(v);
    });
    if (config.value === null) { delete config.value; }
    config.dry_run = $(".dw-dry_run", node).checked;
    return { id: node.dataset.id, type: "device_write", enabled: $(".action-enabled", node).checked, config: config };
  }

  function actionRow(action, canEdit) {
    if (action.type === "device_write") { return deviceWriteRow(action, canEdit); }
    var node = document.importNode($("#action-template").content, true).firstElementChild;
    var spec = ACTION_FIELDS[action.type];
    node.dataset.id = action.id;
    node.dataset.type = action.type;
    node._config = Object.assign({}, action.config || {});
    $(".action-type", node).textContent = action.type;
    $(".action-enabled", node).checked = action.enabled !== false;
    $(".action-field-name", node).textContent = spec[1];
    var input = $(".action-field", node);
    input.type = spec[2];
    input.name = spec[0];
    input.value = node._config[spec[0]] || "";
    var secret = Object.keys(node._config).some(function (k) {
      return typeof node._config[k] === "string" && node._config[k].indexOf(MASK) >= 0;
    });
    $(".badge.secret", node).classList.toggle("hidden", !secret);
    $(".secret-hint", node).classList.toggle("hidden", !secret);
    if (!canEdit) {
      $all("input, button", node).forEach(function (e) { e.disabled = true; });
    }
    $(".action-remove", node).addEventListener("click", function () {
      var shown = input.value.trim();
      if (!UI.confirm("Remove the " + ACTION_NAMES[action.type] + " target" + (shown ? " " + shown : "") +
          "? It is gone once you save the settings.")) { return; }
      node.parentNode.removeChild(node);
      UI.markDirty();
      notificationsWarning();
    });
    $(".action-enabled", node).addEventListener("change", notificationsWarning);
    $(".action-test", node).addEventListener("click", function () {
      var result = $(".action-result", node);
      result.textContent = "sending…";
      result.className = "action-result";
      var a = readAction(node);
      api("POST", "/test-notification", { id: a.id, type: a.type, config: a.config }).then(function (res) {
        var ok = res.ok && res.data && res.data.success;
        result.textContent = ok ? "Test sent." : ("Test failed: " + (res.ok ? (res.data.error || res.data.message || res.data.detail || "not delivered") : errorText(res)));
        result.className = "action-result " + (ok ? "ok" : "error");
      });
    });
    return node;
  }

  function readAction(node) {
    if (node.dataset.type === "device_write") { return readDeviceWrite(node); }
    var spec = ACTION_FIELDS[node.dataset.type];
    var config = Object.assign({}, node._config);
    config[spec[0]] = $(".action-field", node).value.trim();
    return { id: node.dataset.id, type: node.dataset.type, enabled: $(".action-enabled", node).checked, config: config };
  }

  /* The settings form's field of an API field name ("faultActions.0.config.email"...). */
  function settingsField(form) {
    var byName = UI.byName(form);
    return function (name) {
      var m = /^faultActions\.(\d+)(?:\.config\.(\w+))?/.exec(name);
      if (!m) { return byName(name); }
      var node = $all("fieldset.action", $("#actions"))[Number(m[1])];
      if (!node) { return $("#actions"); }
      if (node.dataset.type === "device_write") { return (m[2] && $(".dw-" + m[2], node)) || $("legend", node); }
      return m[2] && m[2] === ACTION_FIELDS[node.dataset.type][0] ? $(".action-field", node) : $("legend", node);
    };
  }

  if (page === "settings") {
    var form = $("#settings-form");
    var canEdit = body.dataset.role !== "viewer";
    var shownClock = { zone: "", format: "" };
    api("GET", "/settings").then(function (res) {
      if (!res.ok) { showError(form, errorText(res)); return; }
      var s = res.data;
      $("#autoRefresh").checked = s.autoRefresh;
      $("#refreshInterval").value = s.refreshInterval;
      $("#anomalyThreshold").value = s.anomalyThreshold;
      $("#enableNotifications").checked = s.enableNotifications;
      $("#dataLossNotifications").checked = s.dataLossNotifications !== false;
      $("#timeZone").value = s.timeZone || "";
      $("#timeFormat").value = s.timeFormat || "24h";
      shownClock = { zone: $("#timeZone").value, format: $("#timeFormat").value };
      s.faultActions.forEach(function (a) { $("#actions").appendChild(actionRow(a, canEdit)); });
      notificationsWarning();
      UI.guard(form);
    });
    $("#enableNotifications").addEventListener("change", notificationsWarning);
    var add = $("#add-action");
    if (add) {
      add.addEventListener("click", function () {
        var type = $("#new-action-type").value;
        var id = String(Date.now());
        var node = actionRow({ id: id, type: type, enabled: true, config: {} }, true);
        $("#actions").appendChild(node);
        ($(".action-field", node) || $("select", node)).focus();
        UI.markDirty();
        notificationsWarning();
      });
    }
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      showError(form, "");
      UI.clearErrors(form);
      $("#settings-saved").classList.add("hidden");
      var data = {
        autoRefresh: $("#autoRefresh").checked,
        refreshInterval: Number($("#refreshInterval").value),
        anomalyThreshold: Number($("#anomalyThreshold").value),
        enableNotifications: $("#enableNotifications").checked,
        dataLossNotifications: $("#dataLossNotifications").checked,
        faultActions: $all("fieldset.action", $("#actions")).map(readAction),
        timeZone: $("#timeZone").value || null,
        timeFormat: $("#timeFormat").value
      };
      api("POST", "/settings", data).then(function (res) {
        if (!res.ok) { formFailed(form, res, settingsField(form)); return; }
        UI.saved();
        if (shownClock.zone !== $("#timeZone").value || shownClock.format !== $("#timeFormat").value) {
          /* Every time on the pages follows the new clock: start again from the server. */
          location.assign("/ui/settings?reason=settings_saved");
          return;
        }
        $("#settings-saved").classList.remove("hidden");
      });
    });
  }

  /* ---- users (admin) -------------------------------------------------------------- */
  function userId(node) { return node.closest("tr").dataset.userId; }
  function userEmail(node) { return node.closest("tr").dataset.email; }
  function usersError(res) {
    var box = $("#users-error");
    box.textContent = errorText(res);
    box.classList.remove("hidden");
  }
  $all("select.user-role").forEach(function (sel) {
    sel.addEventListener("change", function () {
      var before = sel.dataset.role;
      if (!UI.confirm("Change the role of " + userEmail(sel) + " from " + before + " to " + sel.value + "?" +
          (sel.value === "admin" ? " Admins can manage every account." : ""))) {
        sel.value = before;
        return;
      }
      api("PATCH", "/users/" + userId(sel), { role: sel.value }).then(function (res) {
        if (res.ok) { location.reload(); } else { sel.value = before; usersError(res); }
      });
    });
  });
  $all("button.user-toggle").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var disable = btn.dataset.disabled !== "1";
      if (disable && !UI.confirm("Disable " + userEmail(btn) + "? Their sessions and API tokens stop working at once.")) { return; }
      api("PATCH", "/users/" + userId(btn), { disabled: disable }).then(function (res) {
        if (res.ok) { location.reload(); } else { usersError(res); }
      });
    });
  });
  $all("button.user-reset").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var input = $(".user-newpw", btn.closest("td"));
      var cell = btn.closest("td");
      UI.clearErrors(cell);
      api("POST", "/users/" + userId(btn) + "/reset-password", { password: input.value }).then(function (res) {
        if (res.ok) { input.value = ""; btn.textContent = "Done"; return; }
        var fields = res.data && res.data.fields;
        if (res.status === 422 && fields && fields.password) { UI.fieldError(input, fields.password); } else { usersError(res); }
      });
    });
  });
  bindForm("user-form", function (form) {
    return api("POST", "/users", {
      email: value("new-email"), username: value("new-username"), full_name: value("new-full-name") || null,
      role: value("new-role"), password: value("new-password")
    }).then(function (res) {
      if (res.ok) { UI.saved(); location.reload(); } else { formFailed(form, res); }
    });
  });
  if ($("#user-form")) { UI.guard($("#user-form")); }

  /* ---- display links (admin) and the wall screen's sign-in ------------------------- */
  function revokeLink(btn) {
    btn.addEventListener("click", function () {
      if (!UI.confirm("Revoke the display link of " + btn.dataset.name + "? That screen is signed out at once.")) { return; }
      api("DELETE", "/display-links/" + btn.closest("tr").dataset.linkId).then(function (res) {
        if (res.ok) { location.reload(); } else { usersError(res); }
      });
    });
  }
  $all("button.display-revoke").forEach(revokeLink);
  bindForm("display-form", function (form) {
    return api("POST", "/display-links", { name: value("display-name").trim() }).then(function (res) {
      if (!res.ok) { formFailed(form, res); return; }
      $("#display-made-name").textContent = res.data.name;
      $("#display-url").value = location.origin + res.data.path;
      $("#display-made").classList.remove("hidden");
      $("#display-url").select();
      var table = $("#display-table");
      $all("td[colspan]", table).forEach(function (td) { td.parentNode.parentNode.removeChild(td.parentNode); });
      var tr = el("tr");
      tr.dataset.linkId = res.data.id;
      var btn = el("button", "small danger display-revoke", "Revoke");
      btn.type = "button";
      btn.dataset.name = res.data.name;
      revokeLink(btn);
      [res.data.name, res.data.created_by, clock.format(res.data.created_at), "—", btn].forEach(function (c) {
        var td = el("td");
        if (c instanceof Node) { td.appendChild(c); } else { td.textContent = c; }
        tr.appendChild(td);
      });
      $("tbody", table).appendChild(tr);
      UI.labelTable(table);
    });
  });
  var copy = $("#display-copy");
  if (copy) {
    copy.addEventListener("click", function () {
      var input = $("#display-url");
      input.select();
      var done = function () { copy.textContent = "Copied"; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand("copy"); done(); });
      } else {
        document.execCommand("copy");
        done();
      }
    });
  }

  if (page === "display") {
    var token = location.hash.replace(/^#/, "");
    var status = $("#display-status");
    if (!token) {
      status.textContent = "Open the display link an admin made for this screen (Users page).";
    } else {
      /* The token leaves the address bar before anything else happens. */
      history.replaceState(null, "", location.pathname);
      api("POST", "/display/session", { token: token }).then(function (res) {
        if (res.ok) { location.replace("/ui/dashboard"); return; }
        status.textContent = "";
        showError($("#display-error").parentNode, errorText(res));
      }, function () { status.textContent = "The gateway did not answer; reload to try again."; });
    }
  }

  /* ---- model (admin) -------------------------------------------------------------- */
  function modelResult(res, okText) {
    var err = $("#model-error"), ok = $("#model-ok");
    if (!err) { return; }
    err.classList.toggle("hidden", res.ok);
    ok.classList.toggle("hidden", !res.ok);
    if (res.ok) { ok.textContent = okText; window.setTimeout(function () { location.reload(); }, 800); }
    else { err.textContent = errorText(res); }
  }
  bindForm("upload-form", function () {
    var file = $("#package-file").files[0];
    if (!file) { modelResult({ ok: false, status: 0, data: { detail: "Choose a package archive first." } }); return null; }
    var data = new FormData();
    data.append("package", file);
    return api("POST", "/model/upload", data).then(function (res) { modelResult(res, "Uploaded."); });
  });
  /* A package's button: verify on the gateway (seconds: a build), then say the outcome. */
  function packageButtons(selector, path, okText) {
    $all(selector).forEach(function (btn) {
      var label = btn.textContent;
      btn.addEventListener("click", function () {
        btn.disabled = true;
        btn.textContent = "Verifying…";
        api("POST", path, { path: btn.dataset.path }).then(function (res) {
          btn.disabled = false;
          btn.textContent = label;
          modelResult(res, okText);
        });
      });
    });
  }
  packageButtons("button.model-activate", "/model/activate", "Activated.");
  packageButtons("button.model-shadow", "/model/shadow", "Running in the shadow.");
  /* Roll back; the shadow model: promote it, stop it. */
  function actionButton(id, method, path, okText) {
    var btn = $("#" + id);
    if (!btn) { return; }
    btn.addEventListener("click", function () {
      api(method, path).then(function (res) { modelResult(res, okText); });
    });
  }
  actionButton("model-rollback", "POST", "/model/rollback", "Rolled back.");
  actionButton("shadow-promote", "POST", "/model/shadow/promote", "Promoted.");
  actionButton("shadow-stop", "DELETE", "/model/shadow", "Stopped.");
})();
