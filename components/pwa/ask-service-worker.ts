// Talking to public/sw.js: a message and its answer over a MessageChannel. Without a worker (a first visit before it
// is active, a browser without one, development) nothing is cached by it and the caller carries on.

export type ServiceWorkerMessage = { type: "keep"; urls: string[] } | { type: "forget"; paths: string[] } | { type: "clear" };

const ANSWER_WITHIN_MS = 30_000;

export async function askServiceWorker(message: ServiceWorkerMessage): Promise<boolean> {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return false;
  const registration = await navigator.serviceWorker.getRegistration();
  const worker = registration?.active;
  if (!worker) return false;
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(false), ANSWER_WITHIN_MS);
    channel.port1.onmessage = () => {
      clearTimeout(timer);
      resolve(true);
    };
    worker.postMessage(message, [channel.port2]);
  });
}

/** The built assets a page's HTML loads (scripts and style sheets), so that the page runs offline too. */
export function assetsOf(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const urls = [
    ...[...doc.querySelectorAll<HTMLScriptElement>("script[src]")].map((s) => s.getAttribute("src")),
    ...[...doc.querySelectorAll<HTMLLinkElement>("link[rel=stylesheet][href]")].map((l) => l.getAttribute("href")),
  ];
  return urls.filter((url): url is string => typeof url === "string" && url.startsWith("/_next/static/"));
}
