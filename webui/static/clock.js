/* Aastreli gateway admin UI: the one clock every time on a page is written with.
 *
 * The same format as the server's pages (webui/clock.py): "2026-12-07 09:18:40 CET", or
 * the time alone ("09:18:40 CET"), in the zone and 24/12-hour format of the user's
 * settings. The page's body carries the zone (data-tz), the format (data-time-format)
 * and the zone's label for each UTC offset (data-tz-labels, from the server), so both
 * sides name an offset alike. The API's times are UTC (ISO 8601 or epoch seconds).
 */
window.AastreliClock = (function () {
  "use strict";

  var data = document.body.dataset;
  var zone = data.tz || "UTC";
  var hour12 = data.timeFormat === "12h";
  var labels = {};
  try { labels = JSON.parse(data.tzLabels || "{}"); } catch (e) { labels = {}; }
  var parts;
  try {
    parts = new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit"
    });
  } catch (e) {
    zone = "UTC";
    parts = new Intl.DateTimeFormat("en-US", {
      timeZone: "UTC", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit"
    });
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  /* The wall clock in the zone: {y, mo, d, h, mi, s} as numbers. */
  function wall(ms) {
    var out = {};
    parts.formatToParts(new Date(ms)).forEach(function (p) {
      if (p.type !== "literal") { out[p.type] = Number(p.value); }
    });
    return { y: out.year, mo: out.month, d: out.day, h: out.hour % 24, mi: out.minute, s: out.second };
  }

  function offsetSeconds(ms, w) {
    var asUtc = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
    return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000) * 60;
  }

  function label(seconds) {
    if (labels[String(seconds)]) { return labels[String(seconds)]; }
    var m = Math.abs(seconds) / 60;
    return "UTC" + (seconds < 0 ? "-" : "+") + pad(Math.floor(m / 60)) + ":" + pad(m % 60);
  }

  function toMs(t) {
    if (t === null || t === undefined || t === "") { return NaN; }
    if (typeof t === "number") { return t * 1000; }
    var s = String(t);
    if (/^\d+(\.\d+)?$/.test(s)) { return Number(s) * 1000; }
    /* the API's naive ISO times are UTC */
    if (!/(Z|[+-]\d\d:?\d\d)$/.test(s)) { s += "Z"; }
    return Date.parse(s);
  }

  /* style "datetime" (default) or "time" */
  function format(t, style) {
    var ms = toMs(t);
    if (isNaN(ms)) { return t ? String(t) : "—"; }
    var w = wall(ms);
    var clock = hour12
      ? ((w.h % 12) || 12) + ":" + pad(w.mi) + ":" + pad(w.s) + (w.h < 12 ? " AM" : " PM")
      : pad(w.h) + ":" + pad(w.mi) + ":" + pad(w.s);
    var text = clock + " " + label(offsetSeconds(ms, w));
    return style === "time" ? text : w.y + "-" + pad(w.mo) + "-" + pad(w.d) + " " + text;
  }

  /* The value of a datetime-local field showing this instant in the zone. */
  function fieldValue(ms) {
    var w = wall(ms);
    return w.y + "-" + pad(w.mo) + "-" + pad(w.d) + "T" + pad(w.h) + ":" + pad(w.mi) + ":" + pad(w.s);
  }

  /* Epoch seconds of a datetime-local field's value read in the zone (NaN if not one). */
  function parseField(value) {
    var m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?/.exec(value || "");
    if (!m) { return NaN; }
    var asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0));
    var ms = asUtc - offsetSeconds(asUtc, wall(asUtc)) * 1000;
    ms = asUtc - offsetSeconds(ms, wall(ms)) * 1000;  /* near a change of offset */
    return ms / 1000;
  }

  return { zone: zone, format: format, fieldValue: fieldValue, parseField: parseField, label: function (ms) { return label(offsetSeconds(ms, wall(ms))); } };
})();
