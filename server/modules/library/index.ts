// A signed-in reader's library of imported articles (anonymous readers keep theirs in the browser).
import { Elysia } from "elysia";
import { z } from "zod";
import { notFound } from "../../errors";
import type { ReaderLibrary } from "../../import/reader-library";
import type { Guards } from "../../plugins/guards";
import { ArticleParams, type ArticleJson } from "../articles/model";
import type { ArticleService } from "../articles/service";

export interface LibraryModuleOptions {
  library: ReaderLibrary;
  articles: ArticleService;
}

const ProgressBody = z.strictObject(
  {
    progress: z
      .number({ error: "progress is a number from 0 to 1" })
      .min(0, { error: "progress is a number from 0 to 1" })
      .max(1, { error: "progress is a number from 0 to 1" })
      .optional(),
  },
  { error: "Request body must be { progress? }" },
);
// { "progress": 0.123456789 } and room to spare.
const MAX_PROGRESS_BODY_BYTES = 256;

export const libraryModule = (guards: Guards, { library, articles }: LibraryModuleOptions) =>
  new Elysia({ prefix: "/api/library" })
    .use(guards)
    .get(
      "/",
      async ({ sub, set }) => {
        set.headers["cache-control"] = "no-store";
        return { articles: await library.list(sub) };
      },
      { signedIn: true },
    )
    .put(
      "/:id",
      async ({ sub, params, body }) => {
        const kept = await library.get(sub, params.id);
        if (kept) return library.save(sub, kept, body.progress);
        const json = await articles.find(params.id);
        if (json === undefined) throw notFound("Article");
        const { id, title, siteName, url, listeningMinutes } = JSON.parse(json) as ArticleJson;
        return library.save(sub, { id, title, siteName, url, listeningMinutes }, body.progress);
      },
      { params: ArticleParams, body: ProgressBody, signedIn: true, ipLimit: "account", jsonBody: { maxBytes: MAX_PROGRESS_BODY_BYTES, maxDepth: 1 } },
    )
    .delete(
      "/:id",
      async ({ sub, params }) => {
        if (!(await library.remove(sub, params.id))) throw notFound("Article in the library");
        return new Response(null, { status: 204 });
      },
      { params: ArticleParams, signedIn: true, ipLimit: "account" },
    );
