/*
 * Starts the page's Python widget once the page is on screen.
 *
 * The widget's first view is already in the page (drawn at build time), and
 * a visitor can use it at once: Python picks up whatever was answered or
 * ticked before it started. So nothing about Python is fetched or run while
 * the page is being drawn: after the load event, when the browser is idle,
 * this adds preload hints for every file the runtime needs (so they come in
 * parallel, not one after another), fetches the widget's two bundles (the
 * shared core and the page's own: every module and data file it needs),
 * then imports the module
 * that lets PyScript run without eval and PyScript's core, which starts the
 * <mpy-script> (or <py-script>) already in the page. The bundles' files go
 * into the interpreter's file system in PyScript's onReady hook, before the
 * widget's main module runs.
 *
 * The addresses come from the data-start attribute, written by the build
 * (sitebuild/widgets.py: page_settings). A file that cannot load rejects the
 * import; the load watchdog hears that and says so on the page.
 *
 * Start-up phases are left as performance marks ("sog:..."; sog/dom.py's
 * boot adds the widget's own), so `make bench` can say where the time goes:
 * sog:start (this script starts the runtime), sog:wasm-start and
 * sog:wasm-end (the interpreter's WebAssembly compiled and instantiated),
 * sog:files-written (the bundle's files in place), sog:interpreter-ready
 * (PyScript about to run the widget's main module).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var start = JSON.parse(script.getAttribute("data-start"));

  function mark(name) {
    if (window.performance && performance.mark) performance.mark("sog:" + name);
  }

  // Marks around the interpreter's WebAssembly compile and instantiate
  // (whichever call the runtime makes), passing everything through.
  function timeWasm() {
    if (!window.WebAssembly) return;
    ["instantiateStreaming", "instantiate", "compileStreaming", "compile"].forEach(function (name) {
      var original = WebAssembly[name];
      if (typeof original !== "function") return;
      WebAssembly[name] = function () {
        mark("wasm-start");
        return original.apply(WebAssembly, arguments).then(function (result) {
          mark("wasm-end");
          return result;
        });
      };
    });
  }

  // PyScript says "<type>:ready" on its script element just before it runs
  // the widget's main module.
  ["mpy:ready", "py:ready"].forEach(function (name) {
    window.addEventListener(name, function () { mark("interpreter-ready"); }, { capture: true, once: true });
  });

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
    mark("start");
    timeWasm();
    start.modulepreload.forEach(function (href) { hint("modulepreload", href); });
    start.preload.forEach(function (href) { hint("preload", href); });
    // In order: the module that avoids eval imports core.js itself; core.js
    // is imported again after it so that PyScript starts even if that
    // module were missing (the page then fails visibly, not silently).
    var modules = start.modules.map(absolute);
    var bundles = Promise.all(start.bundles.map(function (href) { return fetchBundle(absolute(href)); }));
    import(modules[0]).then(function () { return import(modules[1]); }).then(function (core) {
      // Before the widget's main module runs, its files go into place: the
      // shared core's, then the page's own.
      core.hooks.main.onReady.add(function (wrap) {
        return bundles.then(function (all) {
          all.forEach(function (files) { writeFiles(wrap.interpreter.FS, files); });
          mark("files-written");
        });
      });
    });
  }

  // The widget's modules and data files, in two requests (the build's
  // sitebuild/bundle.py: the core every widget page shares, and the page's
  // own): {"text": {path: text}, "binary": {path: base64}} each.
  // A failed request rejects, and the watchdog says so on the page.
  function fetchBundle(href) {
    return fetch(href).then(function (response) {
      if (!response.ok) throw new Error(href + ": " + response.status);
      return response.json();
    });
  }

  function bytesOf(base64) {
    var text = atob(base64);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }

  // Write each file under the interpreter's working folder, making its
  // folders first (Emscripten's file system, the same in both runtimes).
  function writeFiles(FS, files) {
    var made = {};
    function place(path, data) {
      var parts = (FS.cwd().replace(/\/$/, "") + "/" + path).split("/");
      for (var i = 2; i < parts.length; i++) {
        var folder = parts.slice(0, i).join("/");
        if (made[folder]) continue;
        try { FS.mkdir(folder); } catch (exists) { /* already there */ }
        made[folder] = true;
      }
      FS.writeFile(parts.join("/"), data);
    }
    Object.keys(files.text).forEach(function (path) { place(path, files.text[path]); });
    Object.keys(files.binary).forEach(function (path) { place(path, bytesOf(files.binary[path])); });
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
