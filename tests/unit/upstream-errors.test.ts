import { describe, expect, it } from "vitest";
import { InworldHttpError, InworldResponseError } from "@/server/inworld/errors";
import { toAppError } from "@/server/modules/tts/upstream-errors";

describe("toAppError", () => {
  it.each([
    ["an HTTP error", new InworldHttpError(500, 13, "Injected failure (500) at worker-7"), 502],
    ["a rejection of the text", new InworldHttpError(400, 3, "Injected failure: text field over 2000"), 502],
    ["an unusable answer", new InworldResponseError("Injected: response lacks audioContent"), 502],
  ])("answers %s in our words and keeps the upstream's for the logs", (_name, upstream, status) => {
    const error = toAppError(upstream);
    expect(error.status).toBe(status);
    expect(error.code).toBe("UPSTREAM_ERROR");
    expect(error.message).not.toMatch(/Injected|worker-7|audioContent/);
    expect(error.cause).toBe(upstream);
  });
});
