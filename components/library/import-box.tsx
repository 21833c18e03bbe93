"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { importErrorMessage, OFFLINE } from "@/lib/library/import-errors";
import { importRequestFor, MAX_PASTED_CHARS } from "@/client/library/import-request";
import { rememberImport } from "@/components/hooks/use-your-articles";
import type { ArticleJson } from "@/lib/articles/article-json";

type BoxState = { kind: "idle" } | { kind: "busy"; label: string } | { kind: "error"; message: string };

type ImportedArticle = Pick<ArticleJson, "id" | "title" | "siteName" | "listeningMinutes">;

/**
 * The home page's one box: a link or a pasted article goes to POST /api/articles, and the reader lands on
 * the article, ready to Listen. Signed-in readers' imports are added to their library by the API; everyone
 * else's are kept in this browser.
 */
export function ImportBox({ signedIn, shared }: { signedIn: boolean; /** from the share sheet: imported at once */ shared?: string }) {
  const router = useRouter();
  const [value, setValue] = useState(shared ?? "");
  const [state, setState] = useState<BoxState>({ kind: "idle" });
  const inFlight = useRef<AbortController | null>(null);

  const formRef = useRef<HTMLFormElement>(null);

  // Leaving the page abandons an import still running.
  useEffect(() => () => inFlight.current?.abort(), []);

  // Something shared to the app is imported as if the reader had pressed Open; an error leaves it in the box.
  const sharedOnce = useRef(false);
  useEffect(() => {
    if (!shared || sharedOnce.current) return;
    sharedOnce.current = true;
    formRef.current?.requestSubmit();
  }, [shared]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (state.kind === "busy") return;
    const request = importRequestFor(value);
    if (!request) {
      setState({ kind: "error", message: "Paste a link to an article, or the article's text." });
      return;
    }
    if ("refused" in request) {
      setState({ kind: "error", message: request.refused });
      return;
    }
    if ("text" in request && request.text.length > MAX_PASTED_CHARS) {
      setState({ kind: "error", message: importErrorMessage("TEXT_TOO_LONG") });
      return;
    }
    setState({ kind: "busy", label: "url" in request ? "Fetching the page…" : "Preparing the article…" });
    const controller = new AbortController();
    inFlight.current = controller;
    try {
      const response = await fetch("/api/articles", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(request),
        signal: controller.signal,
      });
      const body = (await response.json().catch(() => ({}))) as Partial<ImportedArticle> & { code?: string; error?: unknown };
      if (!response.ok || typeof body.id !== "string") {
        setState({ kind: "error", message: importErrorMessage(body.code, typeof body.error === "string" ? body.error : undefined) });
        return;
      }
      const article = body as ImportedArticle;
      if (!signedIn) {
        rememberImport({
          id: article.id,
          title: article.title,
          siteName: article.siteName,
          listeningMinutes: article.listeningMinutes,
          addedAt: new Date().toISOString(),
        });
      }
      setState({ kind: "busy", label: "Opening the article…" });
      router.push(`/read/${article.id}`);
    } catch {
      if (!controller.signal.aborted) setState({ kind: "error", message: OFFLINE });
    }
  }

  const busy = state.kind === "busy";
  return (
    <form ref={formRef} className="import-box" onSubmit={submit} data-slot="import-box" aria-busy={busy}>
      <label htmlFor="import-input" className="import-box__label">
        Paste a link or an article
      </label>
      <div className="import-box__row">
        <textarea
          id="import-input"
          className="import-box__input"
          data-slot="import-input"
          value={value}
          placeholder="https://… or the text of an article"
          rows={value.includes("\n") ? 6 : 2}
          disabled={busy}
          onChange={(e) => {
            setValue(e.target.value);
            if (state.kind === "error") setState({ kind: "idle" });
          }}
          onKeyDown={(e) => {
            // Enter opens a link; pasted text keeps its line breaks (Ctrl/⌘+Enter submits either).
            const single = !value.includes("\n");
            if (e.key === "Enter" && !e.shiftKey && (e.metaKey || e.ctrlKey || single)) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
        <button type="submit" className="import-box__submit" data-slot="import-submit" disabled={busy}>
          {busy ? "Opening…" : "Open"}
        </button>
      </div>
      <div className="import-box__status" role="status" aria-live="polite">
        {busy && (
          <span className="import-box__progress" data-slot="import-progress">
            <span className="import-box__bar" aria-hidden="true" />
            {state.label}
          </span>
        )}
      </div>
      {state.kind === "error" && (
        <p className="import-box__error" role="alert" data-slot="import-error">
          {state.message}
        </p>
      )}
    </form>
  );
}
