"use client";

import { useEffect, useRef } from "react";
import { bookmarkletHref } from "@/client/library/shared-input";

/**
 * "Listen to this page": a bookmarklet to drag to the bookmarks bar. React refuses javascript: links in JSX, so the
 * address is set on the element once it exists; clicking it here does nothing (it is meant for other pages).
 */
export function Bookmarklet() {
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    link.current?.setAttribute("href", bookmarkletHref(window.location.origin));
  }, []);
  return (
    <p className="bookmarklet" data-slot="bookmarklet-hint">
      On a computer, drag{" "}
      <a ref={link} className="bookmarklet__link" data-slot="bookmarklet" onClick={(e) => e.preventDefault()} draggable>
        Listen to this page
      </a>{" "}
      to your bookmarks bar, then click it on any article to hear it here.
    </p>
  );
}
