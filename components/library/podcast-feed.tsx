"use client";

import { useState } from "react";
import { usePodcastFeed } from "./podcast-feed-context";
import { QrCode } from "./qr-code";
import "./podcast-feed.css";

async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (a page served over plain http to another device): select it for the reader instead.
    input?.select();
    return false;
  }
}

/** The library's podcast panel: the private feed address with Copy and a QR code for a phone, and a reset. */
export function PodcastFeedPanel() {
  const { state, create, actionError } = usePodcastFeed();
  const [copied, setCopied] = useState(false);
  const [input, setInput] = useState<HTMLInputElement | null>(null);
  if (state.status === "off" || state.status === "loading") return null;
  if (state.status === "error") {
    return (
      <p className="podcast-feed__error" role="alert">
        {state.message}
      </p>
    );
  }
  const address = state.url && `${window.location.origin}${state.url}`;
  const ready = state.items.filter((item) => item.status === "ready").length;
  const preparing = state.items.filter((item) => item.status === "pending").length;
  return (
    <section className="podcast-feed" aria-labelledby="podcast-feed-title" data-slot="podcast-feed">
      <h2 id="podcast-feed-title" className="library__section">
        Your podcast feed
      </h2>
      <p className="podcast-feed__intro">
        Hear your articles in any podcast app: press “Add to podcast” on an article, then subscribe to your private feed address.
      </p>
      {address ? (
        <div className="podcast-feed__body">
          <QrCode className="podcast-feed__qr" text={address} label="QR code of your feed address, for a podcast app on your phone" />
          <div className="podcast-feed__details">
            <label className="podcast-feed__label" htmlFor="podcast-feed-url">
              Feed address (keep it private: anyone with it can listen)
            </label>
            <div className="podcast-feed__row">
              <input
                id="podcast-feed-url"
                ref={setInput}
                className="podcast-feed__url"
                data-slot="feed-url"
                readOnly
                value={address}
                onFocus={(e) => e.currentTarget.select()}
              />
              <button
                type="button"
                className="podcast-feed__button"
                data-slot="copy-feed-url"
                onClick={async () => setCopied(await copyText(address, input))}
              >
                {copied ? "Copied" : "Copy"}
              </button>
            </div>
            <p className="podcast-feed__count" data-slot="feed-count">
              {ready === 1 ? "1 article" : `${ready} articles`} in the feed{preparing > 0 ? ` · ${preparing} being prepared` : ""}
            </p>
            <button
              type="button"
              className="podcast-feed__reset"
              data-slot="reset-feed"
              onClick={() => {
                if (window.confirm("Make a new address? Podcast apps subscribed to the old one will stop getting your articles.")) void create();
              }}
            >
              New address
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="podcast-feed__button" data-slot="create-feed" onClick={() => void create()}>
          Get my feed address
        </button>
      )}
      {actionError && (
        <p className="podcast-feed__error" role="alert" data-slot="feed-error">
          {actionError}
        </p>
      )}
    </section>
  );
}
