"use client";

import { useEffect } from "react";
import { askServiceWorker } from "./ask-service-worker";

/**
 * Registers public/sw.js (production builds only: in development it would serve stale modules) from a bundled
 * script, which the Content-Security-Policy allows (script-src 'self'). The assets this page loaded before the
 * worker controlled it are handed to it to keep, so the page also runs offline. `data-service-worker="ready"`
 * on <html> tells when that is done.
 */
export function ServiceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    let cancelled = false;
    void (async () => {
      try {
        await navigator.serviceWorker.register("/sw.js", { scope: "/" });
        await navigator.serviceWorker.ready;
        const loaded = performance
          .getEntriesByType("resource")
          .map((entry) => entry.name)
          .filter((url) => new URL(url).pathname.startsWith("/_next/static/"));
        await askServiceWorker({ type: "keep", urls: [...loaded, window.location.pathname] });
        if (!cancelled) document.documentElement.dataset.serviceWorker = "ready";
      } catch {
        // No worker (private mode, an old browser): the app works online as before.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);
  return null;
}
