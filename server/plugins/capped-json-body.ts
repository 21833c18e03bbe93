// A JSON request body read with a byte cap enforced while it streams (and on Content-Length before that), for
// routes whose bodies may be large by design (a pasted article, a page's HTML). Anything but JSON is refused.
import { AppError, invalidRequest } from "../errors";

export const bodyTooLarge = (maxBytes: number) =>
  new AppError(413, "PAGE_TOO_LARGE", `The request body is larger than the ${Math.round(maxBytes / 1024)} KB limit`);

export async function readCappedJson(request: Request, contentType: string | undefined, maxBytes: number): Promise<unknown> {
  if (!contentType?.toLowerCase().startsWith("application/json"))
    throw invalidRequest("The request body must be JSON (Content-Type: application/json)");
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw bodyTooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      bytes += next.value.byteLength;
      if (bytes > maxBytes) {
        await reader.cancel();
        throw bodyTooLarge(maxBytes);
      }
      chunks.push(next.value);
    }
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw invalidRequest("Request body must be JSON");
  }
}
