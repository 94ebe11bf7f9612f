/*
 * Starts the page's Python widget once the page is on screen.
 *
 * The widget's first view is already in the page (drawn at build time), and
 * a visitor can use it at once: Python picks up whatever was answered or
 * ticked before it started. So nothing about Python is fetched or run while
 * the page is being drawn: after the load event, when the browser is idle,
 * this adds preload hints for every file the runtime needs (so they come in
 * parallel, not one after another), then imports the module that lets
 * PyScript run without eval and PyScript's core, which starts the
 * <mpy-script> (or <py-script>) already in the page.
 *
 * The addresses come from the data-start attribute, written by the build
 * (sitebuild/widgets.py: page_settings). A file that cannot load rejects the
 * import; the load watchdog hears that and says so on the page.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var start = JSON.parse(script.getAttribute("data-start"));

  function absolute(href) {
    return new URL(href, document.baseURI).href;
  }

  function hint(rel, href) {
    var link = document.createElement("link");
    link.rel = rel;
    link.href = href;
    if (rel === "preload") {
      // PyScript fetches these with fetch(): the same mode, so the browser reuses them.
      link.as = "fetch";
      link.crossOrigin = "anonymous";
    }
    document.head.appendChild(link);
  }

  function run() {
    start.modulepreload.forEach(function (href) { hint("modulepreload", href); });
    start.preload.forEach(function (href) { hint("preload", href); });
    // In order: the module that avoids eval imports core.js itself; core.js
    // is imported again after it so that PyScript starts even if that
    // module were missing (the page then fails visibly, not silently).
    var modules = start.modules.map(absolute);
    import(modules[0]).then(function () { return import(modules[1]); });
  }

  function whenIdle() {
    if ("requestIdleCallback" in window) {
      window.requestIdleCallback(run, { timeout: 1000 });
    } else {
      window.setTimeout(run, 0);
    }
  }

  if (document.readyState === "complete") {
    whenIdle();
  } else {
    window.addEventListener("load", whenIdle, { once: true });
  }
})();
