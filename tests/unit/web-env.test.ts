import { describe, expect, it } from "vitest";
import { parseWebEnv, WebEnvError } from "@/components/config/web-env";

describe("parseWebEnv", () => {
  it("has the defaults npm start relies on", () => {
    expect(parseWebEnv({})).toEqual({ API_URL: "http://127.0.0.1:3001", DEMO_AUTH: false, AUTH_SECRET: "" });
  });

  it.each([
    ["1", true],
    ["true", true],
    ["0", false],
    ["false", false],
    ["", false],
  ])("reads DEMO_AUTH=%j as the API does: %s", (value, expected) => {
    expect(parseWebEnv({ DEMO_AUTH: value }).DEMO_AUTH).toBe(expected);
  });

  it("reports every bad variable at once", () => {
    let error: unknown;
    try {
      parseWebEnv({ API_URL: "not a url", DEMO_AUTH: "yes", AUTH_SECRET: "short" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WebEnvError);
    const message = (error as Error).message;
    expect(message).toMatch(/API_URL/);
    expect(message).toMatch(/DEMO_AUTH/);
    expect(message).toMatch(/AUTH_SECRET/);
  });
});
