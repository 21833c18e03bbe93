import type { MetadataRoute } from "next";

// The web app manifest (served at /manifest.webmanifest, linked from every page by Next.js): what makes Listen
// installable, and the share target that puts it in a phone's share sheet (app/share/page.tsx).
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Listen",
    short_name: "Listen",
    description: "Articles read aloud, with every word lit as it is spoken.",
    start_url: "/?source=installed",
    scope: "/",
    display: "standalone",
    background_color: "#fbfaf7",
    theme_color: "#fbfaf7",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
    share_target: {
      action: "/share",
      method: "GET",
      enctype: "application/x-www-form-urlencoded",
      params: { title: "title", text: "text", url: "url" },
    },
  };
}
