"use client";

import { useState } from "react";
import { withId3Tag } from "@/lib/mp3/id3-tag";
import { fileNameFromTitle } from "@/client/text/file-name";
import { MEDIA_SESSION_ALBUM } from "@/components/hooks/use-media-session";
import { DownloadIcon } from "@/components/ui/icons";
import "./download-button.css";

interface DownloadButtonProps {
  title: string;
  /** the site or author */
  artist: string | null;
  /** the whole audio is in this browser (a stream still arriving is not) */
  available: boolean;
  /** the article's MP3 from the browser's caches, null when it is not there */
  getAudio: () => Promise<Blob | null>;
}

// Long enough for the browser to start saving the file; the URL is then no longer needed.
const REVOKE_AFTER_MS = 60_000;

/**
 * Download: the article's audio as an MP3 tagged for podcast and music apps (title, artist = site or
 * author, album "Listen"). It comes from this browser's caches, so it costs nothing, and any reader — free ones
 * too — may keep what they have listened to.
 */
export function DownloadButton({ title, artist, available, getAudio }: DownloadButtonProps) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const audio = await getAudio();
      if (!audio) return;
      const tagged = withId3Tag(new Uint8Array(await audio.arrayBuffer()), {
        title,
        artist: artist ?? MEDIA_SESSION_ALBUM,
        album: MEDIA_SESSION_ALBUM,
      });
      const url = URL.createObjectURL(new Blob([tagged as Uint8Array<ArrayBuffer>], { type: "audio/mpeg" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = fileNameFromTitle(title, "mp3");
      link.click();
      window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className="pill-button player__download"
      data-slot="tts-download"
      disabled={!available || busy}
      title={available ? undefined : "Available once all of the audio has arrived"}
      onClick={() => void download()}
    >
      <DownloadIcon width={16} height={16} aria-hidden="true" />
      <span className="player__download-label">Download MP3</span>
    </button>
  );
}
