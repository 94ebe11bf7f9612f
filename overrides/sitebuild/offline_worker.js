/*
 * The guide's service worker: after one visit, every page opens and every
 * widget starts without the network.
 *
 * The build (overrides/sitebuild/offline.py) writes this file to site/sw.js,
 * with BUILD (a hash of this build's files) and FILES (each file's address,
 * its SHA-256 and whether its name changes with its content) above.
 *
 * - install: fetch every file of this build into a cache named after the
 *   build. Each response must match the SHA-256 the build wrote (the
 *   browser checks, as Subresource Integrity), so a cache never holds files
 *   of two builds: if the host changed builds half way, the install fails,
 *   its cache is deleted, and the next visit tries again.
 * - activate: delete the caches of every other build. A new build's worker
 *   waits until no page of the old build is open (it never skips waiting),
 *   so an open page never gets a file of another build.
 * - fetch: this build's copy of a same-origin GET when it has one (a page by
 *   its address: "about/" is about/index.html), else the network. A
 *   versioned runtime file that was too large to fetch ahead (Pyodide's) is
 *   kept once a page of this build has used it. With the network gone, an
 *   address the guide does not have gets its "page not found" page.
 *
 * It never reads or sends what a visitor saved (a worker cannot reach
 * localStorage) and only ever fetches the site's own files.
 */
"use strict";

const PREFIX = "second-opinion-guide-";
const CACHE = PREFIX + BUILD;
const SCOPE = new URL(self.registration.scope);
const VERSIONED = new URL("assets/versioned/", SCOPE).pathname;

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((names) =>
      Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name))),
    ),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== SCOPE.origin) return;
  event.respondWith(answer(request, url));
});

async function precache() {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(
      FILES.map(async ([address, integrity, immutable]) => {
        const url = new URL(address, SCOPE);
        // A file named after its content may come from the browser's cache;
        // any other is asked for again, so it is this build's.
        const response = await fetch(new Request(url, { integrity, cache: immutable ? "default" : "no-cache" }));
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        await cache.put(url, response);
      }),
    );
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

async function answer(request, url) {
  const cache = (await caches.has(CACHE)) ? await caches.open(CACHE) : null;
  const key = url.origin + url.pathname;
  const kept = cache && (await cache.match(key));
  if (kept) return kept;
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const missing = cache && request.mode === "navigate" && (await cache.match(new URL("404.html", SCOPE)));
    if (missing) return new Response(missing.body, { status: 404, headers: missing.headers });
    throw error;
  }
  if (cache && response.ok && url.pathname.startsWith(VERSIONED)) {
    await cache.put(key, response.clone());
  }
  return response;
}
