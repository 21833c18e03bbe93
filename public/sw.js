// Listen's service worker (docs/architecture.md "Feeds and the app shell"): it keeps the app shell and the reader's
// article pages so that what was listened to, or kept offline, opens and plays with no connection. The audio
// itself is in IndexedDB (the player's own cache); this worker keeps pages, built assets and the few GET answers
// a page needs to draw (the library list, the voices). Plain JavaScript, served as a file from public/.
const VERSION = "v1";
const SHELL = `listen-shell-${VERSION}`;
const PAGES = `listen-pages-${VERSION}`;
const DATA = `listen-data-${VERSION}`;
// Built assets pile up across deploys, pages and answers with every article read: the oldest go first past these.
const MAX_ENTRIES = { [SHELL]: 300, [PAGES]: 500, [DATA]: 200 };
const OFFLINE_PAGE = "/offline";
const PRECACHE = ["/", OFFLINE_PAGE, "/manifest.webmanifest", "/icons/icon-192.png", "/icon.svg"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL);
      const pages = await caches.open(PAGES);
      await Promise.all(
        PRECACHE.map(async (path) => {
          const response = await fetch(path, { cache: "no-store" });
          if (response.ok) await (path === "/" || path === OFFLINE_PAGE ? pages : shell).put(path, response);
        }),
      );
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const current = [SHELL, PAGES, DATA];
      for (const name of await caches.keys()) if (name.startsWith("listen-") && !current.includes(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

const isAsset = (url) =>
  url.pathname.startsWith("/_next/static/") ||
  url.pathname.startsWith("/icons/") ||
  url.pathname.startsWith("/images/") ||
  url.pathname === "/manifest.webmanifest" ||
  url.pathname === "/icon.svg";
// Pages worth keeping: the library, the reader's articles, the offline page. Never a React Server Components
// payload (its own request kind, for in-app navigation): offline, Next.js falls back to loading the page itself.
const isKeptPage = (url, request) =>
  (url.pathname === "/" || url.pathname.startsWith("/read/") || url.pathname === OFFLINE_PAGE) &&
  !url.searchParams.has("_rsc") &&
  !request.headers.has("RSC");
const isKeptData = (url) => url.pathname === "/api/library" || url.pathname === "/api/tts/voices" || url.pathname.startsWith("/api/articles/");

async function trim(cache, max) {
  const keys = await cache.keys();
  for (const request of keys.slice(0, Math.max(0, keys.length - max))) await cache.delete(request);
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
    await trim(cache, MAX_ENTRIES[SHELL]);
  }
  return response;
}

/** The network's answer, kept for later; the kept one when the network fails. */
async function networkFirst(request, cacheName, key = request) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) {
      // Deleted first so the entry moves to the newest end: keys() lists in insertion order, and trim() drops from the front.
      await cache.delete(key);
      await cache.put(key, response.clone());
      await trim(cache, MAX_ENTRIES[cacheName]);
    }
    return response;
  } catch (error) {
    const kept = await cache.match(key, { ignoreSearch: true, ignoreVary: true });
    if (kept) return kept;
    throw error;
  }
}

async function page(request, url) {
  try {
    // The page's path is the key: "/?source=installed" is the library too.
    return await networkFirst(request, PAGES, url.pathname);
  } catch {
    const offline = await (await caches.open(PAGES)).match(OFFLINE_PAGE);
    return offline ?? Response.error();
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (isAsset(url)) return event.respondWith(cacheFirst(request));
  if (isKeptPage(url, request)) {
    if (request.mode === "navigate") return event.respondWith(page(request, url));
    return event.respondWith(networkFirst(request, PAGES, url.pathname));
  }
  if (isKeptData(url)) return event.respondWith(networkFirst(request, DATA));
});

// From the pages: { type: "keep", urls } caches built assets a page loaded before this worker controlled it, or a
// page kept offline; { type: "forget", paths } drops kept pages; { type: "clear" } drops every kept page and answer.
self.addEventListener("message", (event) => {
  const message = event.data;
  const reply = (value) => event.ports[0]?.postMessage(value);
  const work = (async () => {
    if (message?.type === "keep" && Array.isArray(message.urls)) {
      await Promise.all(
        message.urls.slice(0, 200).map(async (href) => {
          const url = new URL(href, self.location.origin);
          if (url.origin !== self.location.origin) return;
          const request = new Request(url);
          if (isAsset(url)) await cacheFirst(request).catch(() => undefined);
          else if (isKeptPage(url, request)) await networkFirst(request, PAGES, url.pathname).catch(() => undefined);
        }),
      );
    } else if (message?.type === "forget" && Array.isArray(message.paths)) {
      const pages = await caches.open(PAGES);
      await Promise.all(message.paths.map((path) => pages.delete(path)));
    } else if (message?.type === "clear") {
      await Promise.all([
        caches.delete(DATA),
        (async () => {
          const pages = await caches.open(PAGES);
          for (const request of await pages.keys()) {
            const path = new URL(request.url).pathname;
            if (path.startsWith("/read/")) await pages.delete(request);
          }
        })(),
      ]);
    }
    reply(true);
  })();
  event.waitUntil(work);
});
