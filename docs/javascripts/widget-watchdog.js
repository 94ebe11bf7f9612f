/*
 * Load watchdog for the Python widgets.
 *
 * The widgets run in Python, which can fail to start (a file blocked by a
 * network filter, a very old browser, a slow phone). Runtime load errors only
 * reach the console, so without this the page would wait forever. Here we
 * show a plain message and point to the static version instead. A widget
 * that starts late still takes over: it marks itself ready, which hides the
 * message. The words come from the widget root's data-*-text attributes,
 * written at build time from pyscript/sog/words.json.
 *
 * While Python starts, the widget's first view (drawn at build time) is
 * already usable and says nothing: buttons that need Python keep their place
 * but stay invisible until the widget is ready (widgets.css), so nothing
 * moves when it starts. Loaded before widget-start.js, so it hears a runtime
 * file that fails to load.
 */
(function () {
  "use strict";
  var SLOW_MS = 10000;
  var widgets = [];
  var failedEarly = false;

  function statusOf(widget) {
    return document.getElementById(widget.id + "-status");
  }

  function waiting(widget) {
    var state = widget.getAttribute("data-state");
    return state !== "ready" && state !== "failed";
  }

  function say(widget, text, withLink) {
    var status = statusOf(widget);
    if (!status) return;
    status.textContent = text;
    if (withLink) {
      var href = widget.getAttribute("data-fallback-href");
      var label = widget.getAttribute("data-fallback-text");
      if (href && label) {
        var link = document.createElement("a");
        link.href = href;
        link.textContent = label;
        status.appendChild(document.createTextNode(" "));
        status.appendChild(link);
      }
    }
    status.hidden = false;
  }

  function fail() {
    failedEarly = true;
    widgets.forEach(function (widget) {
      if (!waiting(widget)) return;
      widget.setAttribute("data-state", "failed");
      say(widget, widget.getAttribute("data-failed-text"), true);
    });
  }

  function start() {
    widgets = Array.prototype.slice.call(document.querySelectorAll("[data-widget]"));
    widgets.forEach(function (widget) {
      widget.setAttribute("data-state", "loading");
    });
    if (failedEarly) fail();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }

  // A runtime file that fails to load: a script or stylesheet error event, or
  // a rejected dynamic import inside PyScript.
  window.addEventListener("error", function (event) {
    var target = event.target;
    if (target && (target.tagName === "SCRIPT" || target.tagName === "LINK")) fail();
  }, true);
  window.addEventListener("unhandledrejection", fail);
  // PyScript finished running the widget's code: if it did not reach
  // dom.boot (which says "starting", then "ready" or "failed" itself), its
  // Python failed.
  ["mpy:done", "py:done"].forEach(function (name) {
    window.addEventListener(name, function () {
      window.setTimeout(function () {
        var stuck = widgets.some(function (widget) { return widget.getAttribute("data-state") === "loading"; });
        if (stuck) fail();
      }, 0);
    });
  });
  // Python starts once the page has loaded (widget-start.js): count from then.
  window.addEventListener("load", function () {
    window.setTimeout(function () {
      widgets.forEach(function (widget) {
        if (waiting(widget)) {
          say(widget, widget.getAttribute("data-slow-text"), true);
        }
      });
    }, SLOW_MS);
  });
  // A widget's forms (add an item, add a question) are Python's to handle:
  // pressed before Python is ready, Enter must not send the page anywhere
  // (the policy's form-action 'none' would refuse it anyway).
  document.addEventListener("submit", function (event) {
    if (event.target.closest && event.target.closest("[data-widget]")) event.preventDefault();
  }, true);
})();
