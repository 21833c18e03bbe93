// GET/PUT /api/positions/:key — a signed-in reader's place in an article, in one voice (key "article:voice").
import { Elysia } from "elysia";
import { notFound, unauthorized } from "../../errors";
import { callerPlugin, type CallerOptions } from "../../plugins/caller";
import { readJsonBody } from "../../plugins/json-body";
import { MAX_POSITION_BODY_BYTES, PositionBody, PositionParams } from "./model";
import type { PositionStore } from "./service";

export interface PositionsModuleOptions extends CallerOptions {
  positions: PositionStore;
}

export const positionsModule = ({ positions, ...caller }: PositionsModuleOptions) =>
  new Elysia({ prefix: "/api/positions" })
    .use(callerPlugin(caller))
    .resolve(({ identity }) => {
      if (identity.kind !== "user") throw unauthorized("Sign in to keep your place across devices");
      return { sub: identity.sub };
    })
    .get(
      "/:key",
      async ({ sub, params, set }) => {
        set.headers["cache-control"] = "no-store";
        const position = await positions.get(sub, params.key);
        if (!position) throw notFound("Position");
        return position;
      },
      { params: PositionParams },
    )
    .put("/:key", async ({ sub, params, body }) => positions.save(sub, params.key, body), {
      params: PositionParams,
      body: PositionBody,
      parse: ({ request }) => readJsonBody(request, { maxBytes: MAX_POSITION_BODY_BYTES, maxDepth: 1 }),
    });
