/*
 * The guide's service worker: after one visit, every page opens and every
 * widget starts without the network.
 *
 * The build (overrides/sitebuild/offline.py) writes this file to site/sw.js,
 * with BUILD (a hash of this build's files), FILES (each file's address,
 * its SHA-256 and whether its name changes with its content) and
 * PAGE_LANGUAGES (each page's language) above.
 *
 * - install: fetch every file of this build into a cache named after the
 *   build: the files every page uses and the pages in the visitor's language
 *   (the language of the page that registered the worker), so a first visit
 *   fetches under 1 MB. A page in another language, opened while online,
 *   has the worker keep that language's pages too, the same way (keepLanguage). Each response must match the SHA-256 the build wrote (the
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
  event.waitUntil(visitorLanguage().then(precache));
});

// A page's language by its address ("" for a file every page shares).
function languageOf(url) {
  const address = url.pathname.startsWith(SCOPE.pathname) ? url.pathname.slice(SCOPE.pathname.length) || "./" : "";
  return PAGE_LANGUAGES[address] || "";
}

// The language of the page that registered the worker (the default language
// if it is no page of the guide: the 404 page, say).
async function visitorLanguage() {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const client of windows) {
    const language = languageOf(new URL(client.url));
    if (language) return language;
  }
  return PAGE_LANGUAGES["./"];
}

function filesOf(language) {
  return FILES.filter(([address]) => {
    const pageLanguage = PAGE_LANGUAGES[address];
    return language === null ? !pageLanguage : pageLanguage === language;
  });
}

function requestFor(address, integrity, immutable) {
  // A file named after its content may come from the browser's cache; any
  // other is asked for again, so it is this build's.
  return new Request(new URL(address, SCOPE), { integrity, cache: immutable ? "default" : "no-cache" });
}

// Keep a language's pages in this build's cache, once: each is checked
// against this build's SHA-256, so one of another build (the host changed)
// is left out and asked for again next time.
const keeping = new Map();
function keepLanguage(language) {
  if (!keeping.has(language)) {
    keeping.set(language, fetchLanguage(language).finally(() => keeping.delete(language)));
  }
  return keeping.get(language);
}

async function fetchLanguage(language) {
  if (!(await caches.has(CACHE))) return;
  const cache = await caches.open(CACHE);
  await Promise.all(
    filesOf(language).map(async ([address, integrity, immutable]) => {
      if (await cache.match(new URL(address, SCOPE))) return;
      try {
        const response = await fetch(requestFor(address, integrity, immutable));
        if (response.ok) await cache.put(new URL(address, SCOPE), response);
      } catch (error) {
        // Offline, or a file of another build: asked for again next time.
      }
    }),
  );
}

// A page may ask for a language to be kept, and hear when it is
// ({keepLanguage: "es"} with a port to answer on).
self.addEventListener("message", (event) => {
  const language = event.data && event.data.keepLanguage;
  if (!language) return;
  event.waitUntil(keepLanguage(language).then(() => event.ports[0] && event.ports[0].postMessage(language)));
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
  // A page in a language not kept yet: keep that language too.
  const language = request.mode === "navigate" && languageOf(url);
  if (language) event.waitUntil(keepLanguage(language));
});

async function precache(language) {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(
      filesOf(null).concat(filesOf(language)).map(async ([address, integrity, immutable]) => {
        const url = new URL(address, SCOPE);
        const response = await fetch(requestFor(address, integrity, immutable));
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
