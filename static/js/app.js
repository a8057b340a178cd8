// Suunta: focus management after htmx swaps, so keyboard and screen-reader users
// land on the form they opened or the item they just changed.
(function () {
  "use strict";
  document.addEventListener("htmx:afterSettle", function (event) {
    var root = event.detail.elt;
    if (!root || !root.querySelector) { return; }
    var target = root.matches && root.matches("[data-autofocus]") ? root : root.querySelector("[data-autofocus]");
    if (!target) {
      var editor = document.getElementById("editor");
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
