// docs/deploy.md's proxy examples keep /health and the demo sign-in off the public side: copied as they are, they
// must not expose them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/processes";

const deploy = readFileSync(join(repoRoot, "docs/deploy.md"), "utf8");
/** The fenced code blocks, in order: the lines between an opening fence and its closing one. */
const blocks: string[] = deploy.split(/^```.*$/m).filter((_, i) => i % 2 === 1);

describe("docs/deploy.md", () => {
  it("binds nginx to loopback, lets /health in from inside only and never passes the demo sign-in", () => {
    const nginx = blocks.find((block) => block.includes("upstream listen_api"))!;
    for (const listen of nginx.matchAll(/^\s*listen\s+([^;\s]+)/gm)) expect(listen[1]).toMatch(/^127\.0\.0\.1:/);
    expect(nginx).toMatch(/location = \/health \{[^}]*deny all;/);
    expect(nginx).toMatch(/location = \/api\/auth\/demo \{[^}]*return 404;/);
  });

  it("binds HAProxy to loopback and denies the same two paths", () => {
    const haproxy = blocks.find((block) => block.includes("backend listen_api"))!;
    for (const bind of haproxy.matchAll(/^\s*bind\s+(\S+)/gm)) expect(bind[1]).toMatch(/^127\.0\.0\.1:/);
    expect(haproxy).toMatch(/http-request deny if \{ path \/api\/auth\/demo \}/);
    expect(haproxy).toMatch(/http-request deny if \{ path \/health \} !\{ src /);
  });

  it("tells a deployment to leave DEMO_AUTH unset", () => {
    expect(deploy).toMatch(/leaves `DEMO_AUTH` unset/);
  });
});
