// GET/PUT /api/positions/:key — a signed-in reader's place in an article, in one voice (key "article:voice").
import { Elysia } from "elysia";
import { notFound } from "../../errors";
import type { Guards } from "../../plugins/guards";
import { MAX_POSITION_BODY_BYTES, PositionBody, PositionParams } from "./model";
import type { PositionStore } from "./service";

export interface PositionsModuleOptions {
  positions: PositionStore;
}

export const positionsModule = (guards: Guards, { positions }: PositionsModuleOptions) =>
  new Elysia({ prefix: "/api/positions" })
    .use(guards)
    .get(
      "/:key",
      async ({ sub, params, set }) => {
        set.headers["cache-control"] = "no-store";
        const position = await positions.get(sub, params.key);
        if (!position) throw notFound("Position");
        return position;
      },
      { params: PositionParams, signedIn: true },
    )
    .put("/:key", async ({ sub, params, body }) => positions.save(sub, params.key, body), {
      params: PositionParams,
      body: PositionBody,
      signedIn: true,
      ipLimit: "account",
      jsonBody: { maxBytes: MAX_POSITION_BODY_BYTES, maxDepth: 1 },
    });
