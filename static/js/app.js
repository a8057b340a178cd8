// Suunta: focus management after htmx swaps, so keyboard and screen-reader users
// land on the form they opened or the item they just changed.
(function () {
  "use strict";
  document.addEventListener("htmx:afterSettle", function (event) {
    var root = event.detail.elt;
    if (!root || !root.querySelector) { return; }
    var target = root.matches && root.matches("[data-autofocus]") ? root : root.querySelector("[data-autofocus]");
    if (!target) {
      var editor = document.getElementById("editor") || document.getElementById("import-review");
      var id = editor && editor.getAttribute("data-focus");
      target = id ? document.getElementById(id) : null;
    }
    if (!target) {
      target = root.querySelector("[role=alert]");
      if (target) { target.setAttribute("tabindex", "-1"); }
    }
    if (target) { target.focus(); }
  });
})();

// Typed text is never lost without a warning: a field the user typed into in a form that is
// posted is "dirty" until its form is submitted, it leaves the page (an htmx swap), or, for a
// part saved on its own (the follow-up page's goals), the server answers that the part was
// saved (data-state="saved" or "unchanged" on the swapped state). Leaving the page with a
// dirty field asks first.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var dirty = new Set();
  function fieldOf(target) {
    if (!target || !target.form || target.type === "hidden") { return null; }
    if (target.form.method.toLowerCase() !== "post") { return null; }
    return target;
  }
  document.addEventListener("input", function (event) {
    var field = fieldOf(event.target);
    if (field) { dirty.add(field); }
  });
  // A part's own save still on its way when its form is submitted (leaving a field by
  // pressing the form's button sends both): the form waits for it, so the two never race.
  var inFlight = new Set();
  document.addEventListener("htmx:beforeRequest", function (event) { inFlight.add(event.detail.elt); });
  document.addEventListener("htmx:afterRequest", function (event) {
    inFlight.delete(event.detail.elt);
    document.querySelectorAll("form[data-waiting]").forEach(function (form) {
      if (!pendingIn(form)) {
        form.removeAttribute("data-waiting");
        form.requestSubmit(form.waitingSubmitter || undefined);
      }
    });
  });
  function pendingIn(form) {
    var pending = false;
    inFlight.forEach(function (elt) { if (form.contains(elt)) { pending = true; } });
    return pending;
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (pendingIn(form)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      form.setAttribute("data-waiting", "");
      form.waitingSubmitter = event.submitter;
      return;
    }
    dirty.forEach(function (field) { if (field.form === form) { dirty.delete(field); } });
  }, true);
  document.addEventListener("htmx:afterSwap", function (event) {
    var swapped = event.detail.target;
    var state = swapped && swapped.closest ? document.getElementById(swapped.id) : null;
    var saved = state && (state.dataset.state === "saved" || state.dataset.state === "unchanged");
    var part = saved ? state.parentElement : null;
    dirty.forEach(function (field) {
      if (!document.contains(field) || (part && part.contains(field))) { dirty.delete(field); }
    });
  });
  window.addEventListener("beforeunload", function (event) {
    var pending = false;
    dirty.forEach(function (field) { if (document.contains(field)) { pending = true; } });
    if (pending) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();

// The import review: the document's line a found line came from is highlighted beside it
// while the found line has the focus, and a line is split where its text's cursor stands.
(function () {
  "use strict";
  var shown = null;
  document.addEventListener("focusin", function (event) {
    var row = event.target.closest && event.target.closest(".line-row");
    if (!row) { return; }
    var source = document.getElementById(row.getAttribute("data-source"));
    if (shown && shown !== source) { shown.classList.remove("highlight"); }
    if (source) {
      source.classList.add("highlight");
      var panel = source.closest(".source-lines");
      if (panel) {
        var top = source.offsetTop - panel.offsetTop;
        if (top < panel.scrollTop || top > panel.scrollTop + panel.clientHeight - source.offsetHeight) {
          panel.scrollTop = Math.max(top - panel.clientHeight / 3, 0);
        }
      }
    }
    shown = source;
  });
  function caret(event) {
    var input = event.target;
    if (!input.classList || !input.classList.contains("line-text")) { return; }
    var hidden = document.getElementById(input.getAttribute("data-split"));
    if (hidden) { hidden.value = String(input.selectionStart || ""); }
  }
  ["keyup", "click", "select", "input"].forEach(function (name) {
    document.addEventListener(name, caret);
  });
})();
