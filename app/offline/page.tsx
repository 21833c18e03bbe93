import type { Metadata } from "next";
import { OfflineArticles } from "@/components/offline/offline-articles";
import { PlainPage } from "@/components/ui/plain-page";
import "../plain-page.css";

export const metadata: Metadata = { title: "Offline" };

// What the service worker (public/sw.js) answers for a page it has not kept when there is no connection.
export default function OfflinePage() {
  return (
    <PlainPage slot="offline-page" narrow fullLoadHome>
      <h1 className="page__title">You are offline</h1>
      <p>This page needs a connection. What still works without one:</p>
      <ul>
        <li>Articles you listened to or kept offline on this device open and play, with every word lit, seeking, speed and “Continue from”.</li>
        <li>The library lists them, marked “Available offline”.</li>
      </ul>
      <p>Importing new articles, other voices, the podcast feed and syncing your place to other devices wait for the connection.</p>
      <h2>Available offline</h2>
      <OfflineArticles />
    </PlainPage>
  );
}
