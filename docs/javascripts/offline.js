/*
 * Saves the guide on this device for use without the internet, and says
 * near the top of the page when the network is gone.
 *
 * Registers the site's service worker (sw.js, written by the build) once the
 * page has loaded, the page's widget (if any) has started and the browser is
 * idle, so fetching the guide's files never competes with the page itself.
 * Then says so, calmly, in the page's status line (read out politely by
 * screen readers): once, when the guide has just been saved, or when a newer
 * version has been saved for next time. While the device is offline, the
 * note at the top of the page (partials/connection-note.html) says so, and
 * whether the guide is saved here, so a visitor knows what still works.
 * The words are data (pyscript/sog/words.json, "offline"), put in the page
 * by the build.
 *
 * Nothing here, nor in the worker, reads or sends what a visitor saved.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var workerUrl = script.getAttribute("data-worker");
  var hasWorkers = "serviceWorker" in navigator;

  // Saved here once this site's worker is active (it may not control this
  // very page yet: the first page of a first visit loaded before it).
  function whenKnownIfSaved(next) {
    if (!hasWorkers) return next(false);
    navigator.serviceWorker.getRegistration().then(function (registration) {
      next(Boolean(registration && registration.active));
    }, function () {
      next(false);
    });
  }

  function showConnection() {
    var note = document.getElementById("connection-status");
    if (!note) return;
    if (navigator.onLine) {
      note.textContent = "";
      return;
    }
    whenKnownIfSaved(function (saved) {
      if (navigator.onLine) return;
      note.textContent = note.getAttribute(saved ? "data-offline-saved-text" : "data-offline-text");
    });
  }

  window.addEventListener("online", showConnection);
  window.addEventListener("offline", showConnection);
  showConnection();

  if (!hasWorkers) return;

  function say(kind) {
    var status = document.getElementById("offline-status");
    if (status) status.textContent = status.getAttribute("data-" + kind + "-text");
  }

  function afterLoad(next) {
    if (document.readyState === "complete") next();
    else window.addEventListener("load", next, { once: true });
  }

  // Every widget that is starting (the watchdog has marked it "loading")
  // ready or failed: its own start comes first.
  function afterWidgets(next) {
    var roots = Array.prototype.filter.call(document.querySelectorAll("[data-widget]"), function (root) {
      return root.getAttribute("data-state") !== "static";
    });
    function settled() {
      return roots.every(function (root) {
        var state = root.getAttribute("data-state");
        return state === "ready" || state === "failed";
      });
    }
    if (settled()) return next();
    var observer = new MutationObserver(function () {
      if (!settled()) return;
      observer.disconnect();
      next();
    });
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
  }

  function whenIdle(next) {
    if ("requestIdleCallback" in window) window.requestIdleCallback(next, { timeout: 2000 });
    else window.setTimeout(next, 0);
  }

  function follow(worker, controlled) {
    if (!worker) return;
    function check() {
      // The first time: saved and in charge. Later builds: saved, waiting
      // until no page of this one is open (never a mix of two builds).
      if (!controlled && worker.state === "activated") say("ready");
      if (controlled && worker.state === "installed") say("updated");
    }
    check();
    worker.addEventListener("statechange", check);
  }

  function register() {
    var controlled = Boolean(navigator.serviceWorker.controller);
    navigator.serviceWorker.register(workerUrl).then(function (registration) {
      if (!registration) return; // a browser that keeps service workers off
      // On a slow device the worker may have finished installing before
      // this runs: follow whichever worker is newest, so the page still says so.
      follow(registration.installing || registration.waiting || registration.active, controlled);
      registration.addEventListener("updatefound", function () {
        follow(registration.installing, controlled);
      });
    }, function () {
      // Not saved this time (private browsing, storage full): the guide
      // still works online, and the next page tries again.
    });
  }

  afterLoad(function () {
    afterWidgets(function () {
      whenIdle(register);
    });
  });
})();
