// Fetches a page for import without ever connecting where the SSRF rules forbid (docs/architecture.md invariant 14).
//
// Every hop: the URL rules (import-url.ts), then the host is resolved once and EVERY address it resolves to is
// checked; the connection is then pinned to the checked address through the request's `lookup` hook, so a
// DNS answer that changes between the check and the connect (rebinding) is never used. The Host header and
// the TLS server name stay the link's host name. Redirects are followed by hand, each one checked the same
// way, at most `maxRedirects`. node:http/https rather than fetch: fetch cannot pin the connected address.
// The size cap is enforced while the body streams (and on Content-Length before it), the time limit covers
// the whole import including DNS and redirects.
import { lookup as dnsLookup } from "node:dns/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { createGunzip, createInflate } from "node:zlib";
import ipaddr from "ipaddr.js";
import { siteAnswered } from "@/lib/library/import-errors";
import { AppError, fetchFailed, fetchTimeout, pageTooLarge, unsupportedContent, urlForbidden } from "../errors";
import type { AddressPolicy } from "./address-policy";
import { bareHostname, parseImportUrl, portOf } from "./import-url";

/** All the addresses a host name resolves to (system DNS by default; tests inject their own). */
export type Resolver = (hostname: string) => Promise<string[]>;

export const systemResolver: Resolver = async (hostname) => (await dnsLookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

export interface SafeFetchOptions {
  isAllowedAddress: AddressPolicy;
  allowAnyPort: boolean;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects?: number;
  resolve?: Resolver;
}

export interface FetchedPage {
  /** where the page was finally found, after redirects */
  url: URL;
  /** the media type, lower case, without parameters ("text/html") */
  mediaType: string;
  contentType: string | undefined;
  body: Buffer;
}

export const USER_AGENT = "ListenBot/1.0 (+article import)";
const ACCEPTED_TYPES: ReadonlySet<string> = new Set(["text/html", "application/xhtml+xml", "text/plain"]);
const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

type Hop = { kind: "redirect"; location: string } | { kind: "page"; page: Omit<FetchedPage, "url"> };

const sameAddress = (a: string, b: string) => ipaddr.isValid(a) && ipaddr.isValid(b) && ipaddr.process(a).toString() === ipaddr.process(b).toString();

async function vetHost(url: URL, resolve: Resolver, isAllowed: AddressPolicy): Promise<string> {
  const host = bareHostname(url);
  let addresses: string[];
  if (ipaddr.isValid(host)) addresses = [host];
  else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      throw fetchFailed("the site's name could not be resolved", error);
    }
  }
  if (addresses.length === 0) throw fetchFailed("the site's name could not be resolved");
  // Every address, not just the one used: a name that also points inside is refused outright.
  if (!addresses.every(isAllowed)) throw urlForbidden();
  return addresses[0];
}

function connectionError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === "ECONNREFUSED"
      ? "the connection was refused"
      : code === "ECONNRESET"
        ? "the connection was reset"
        : `network error${code ? ` (${code})` : ""}`;
  return fetchFailed(reason, error);
}

function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const encoding = (response.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  const stream =
    encoding === "gzip" || encoding === "x-gzip" ? response.pipe(createGunzip()) : encoding === "deflate" ? response.pipe(createInflate()) : response;
  if (stream === response && encoding !== "identity") return Promise.reject(fetchFailed(`unsupported content encoding`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    stream.on("data", (chunk: Buffer) => {
      bytes += chunk.byteLength;
      // Cut the socket the moment the cap is passed: the rest of the page is never read.
      if (bytes > maxBytes) {
        response.destroy();
        reject(pageTooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    stream.on("end", () => resolve(Buffer.concat(chunks, bytes)));
    stream.on("error", (error) => reject(connectionError(error)));
    response.on("error", (error) => reject(connectionError(error)));
  });
}

function requestOnce(url: URL, address: string, maxBytes: number, signal: AbortSignal): Promise<Hop> {
  const family = address.includes(":") ? 6 : 4;
  // The only answer the connection can get: the address that was checked.
  const pinned = ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as LookupFunction;
  const client = url.protocol === "https:" ? https : http;

  return new Promise<Hop>((resolve, reject) => {
    const request = client.request({
      protocol: url.protocol,
      hostname: bareHostname(url),
      port: portOf(url),
      path: `${url.pathname}${url.search}`,
      method: "GET",
      agent: false,
      lookup: pinned,
      headers: {
        "User-Agent": USER_AGENT,
        Accept: "text/html,application/xhtml+xml,text/plain;q=0.9",
        "Accept-Encoding": "gzip, deflate",
      },
    });
    const onAbort = () => fail(fetchTimeout());
    const fail = (error: AppError) => {
      signal.removeEventListener("abort", onAbort);
      request.destroy(error);
      reject(error);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });

    request.on("socket", (socket) => {
      socket.once("connect", () => {
        // Belt and braces for the pin: a socket that reached any other address is dropped at once, unread.
        if (socket.remoteAddress && !sameAddress(socket.remoteAddress, address)) fail(urlForbidden());
      });
    });
    request.on("error", (error) => fail(connectionError(error)));
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECTS.has(status) && location) {
        signal.removeEventListener("abort", onAbort);
        request.destroy();
        return resolve({ kind: "redirect", location });
      }
      if (status < 200 || status > 299) return fail(fetchFailed(siteAnswered(status)));
      const contentType = response.headers["content-type"];
      // A page without a Content-Type is treated as HTML, as browsers sniff it.
      const mediaType = (contentType ?? "text/html").split(";")[0].trim().toLowerCase();
      if (!ACCEPTED_TYPES.has(mediaType)) return fail(unsupportedContent(mediaType));
      const declared = Number(response.headers["content-length"]);
      if (Number.isFinite(declared) && declared > maxBytes) return fail(pageTooLarge(maxBytes));
      readBody(response, maxBytes).then((body) => {
        signal.removeEventListener("abort", onAbort);
        resolve({ kind: "page", page: { mediaType, contentType, body } });
      }, fail);
    });
    request.end();
  });
}

function withDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(fetchTimeout());
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

export async function safeFetch(rawUrl: string, options: SafeFetchOptions): Promise<FetchedPage> {
  const { isAllowedAddress, allowAnyPort, timeoutMs, maxBytes, maxRedirects = 5, resolve = systemResolver } = options;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let url = parseImportUrl(rawUrl, undefined, { allowAnyPort });
    for (let redirects = 0; ; redirects += 1) {
      const address = await withDeadline(vetHost(url, resolve, isAllowedAddress), controller.signal);
      const hop = await requestOnce(url, address, maxBytes, controller.signal);
      if (hop.kind === "page") return { url, ...hop.page };
      if (redirects >= maxRedirects) throw fetchFailed(`the site redirected more than ${maxRedirects} times`);
      url = parseImportUrl(hop.location, url, { allowAnyPort });
    }
  } finally {
    clearTimeout(timer);
  }
}
