/* Aastreli gateway admin UI: the page's frame and form helpers shared by every page.
 *
 * - the Menu button that folds the navigation on a phone, and closing the account menu;
 * - data tables as lists on a phone: each cell gets its column's name (data-label);
 * - field errors in plain words next to the field they are about (aria-invalid and
 *   aria-describedby), from the API's 422 "fields" or from checks made here;
 * - a confirmation before a destructive step, and a warning on leaving a form with
 *   unsaved changes.
 * Text from the server is put in with textContent only.
 */
window.AastreliUI = (function () {
  "use strict";

  /* ---- navigation ----------------------------------------------------------------- */
  var header = document.querySelector("header.top");
  var toggle = document.getElementById("nav-toggle");
  if (header && toggle) {
    toggle.addEventListener("click", function () {
      var open = header.classList.toggle("nav-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }
  var account = document.getElementById("account-menu");
  if (account) {
    document.addEventListener("click", function (ev) {
      if (account.open && !account.contains(ev.target)) { account.open = false; }
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && account.open) { account.open = false; account.querySelector("summary").focus(); }
    });
  }

  /* ---- tables as lists ------------------------------------------------------------ */
  function labelTable(table) {
    var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.replace(/\s+/g, " ").trim();
    });
    Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (tr) {
      Array.prototype.forEach.call(tr.children, function (cell, i) {
        if (heads[i] && !cell.hasAttribute("colspan")) { cell.dataset.label = heads[i]; }
      });
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.data"), labelTable);

  /* ---- field errors --------------------------------------------------------------- */
  var seq = 0;
  function clearErrors(root) {
    Array.prototype.forEach.call(root.querySelectorAll(".field-error"), function (p) { p.parentNode.removeChild(p); });
    Array.prototype.forEach.call(root.querySelectorAll("[aria-invalid]"), function (e) {
      e.removeAttribute("aria-invalid");
      var ids = (e.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id.indexOf("fe-") !== 0; });
      if (ids.length) { e.setAttribute("aria-describedby", ids.join(" ")); } else { e.removeAttribute("aria-describedby"); }
    });
  }

  /* Show `message` right after `field` (an input, select or a group element). */
  function fieldError(field, message) {
    var p = document.createElement("p");
    p.className = "field-error";
    p.id = "fe-" + (++seq);
    p.textContent = message;
    var anchor = field.closest("label") || field;
    anchor.parentNode.insertBefore(p, anchor.nextSibling);
    if (/^(INPUT|SELECT|TEXTAREA)$/.test(field.tagName)) {
      field.setAttribute("aria-invalid", "true");
      var ids = field.getAttribute("aria-describedby");
      field.setAttribute("aria-describedby", (ids ? ids + " " : "") + p.id);
    }
    return p;
  }

  /* The API's field errors next to their fields; `find(name)` returns the element a
   * field name belongs to (or null). Returns the messages no field could take. */
  function showFieldErrors(root, fields, find) {
    var left = [];
    var first = null;
    Object.keys(fields || {}).forEach(function (name) {
      var field = find(name);
      if (field) {
        fieldError(field, fields[name]);
        first = first || field;
      } else {
        left.push(fields[name]);
      }
    });
    if (first && first.focus) { first.focus(); }
    return left;
  }

  /* The field of a form named like the API's field: data-field, id or name. */
  function byName(form) {
    return function (name) {
      var key = name.split(".").pop();
      return form.querySelector('[data-field="' + name + '"]') || form.querySelector('[data-field="' + key + '"]') ||
        form.querySelector("#" + CSS.escape(key)) || form.querySelector('[name="' + key + '"]');
    };
  }

  /* ---- confirmation and unsaved changes ------------------------------------------- */
  function confirmStep(question) { return window.confirm(question); }

  var dirty = false;
  function guard(form) {
    var mark = function () { dirty = true; };
    form.addEventListener("input", mark);
    form.addEventListener("change", mark);
  }
  window.addEventListener("beforeunload", function (ev) {
    if (dirty) { ev.preventDefault(); ev.returnValue = ""; }
  });

  return {
    labelTable: labelTable,
    clearErrors: clearErrors,
    fieldError: fieldError,
    showFieldErrors: showFieldErrors,
    byName: byName,
    confirm: confirmStep,
    guard: guard,
    markDirty: function () { dirty = true; },
    saved: function () { dirty = false; }
  };
})();
