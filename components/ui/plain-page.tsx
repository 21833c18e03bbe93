import Link from "next/link";
import type { ReactNode } from "react";
import { HeadphonesIcon } from "./icons";

interface PlainPageProps {
  /** the page's data-slot */
  slot: string;
  narrow?: boolean;
  /** The offline page links home with a plain <a>: a full load, which the service worker answers. */
  fullLoadHome?: boolean;
  /** what the nav holds after the brand (the account chip) */
  nav?: ReactNode;
  children: ReactNode;
}

/** The shell of the plain pages (sign-in, pricing, offline): the brand linking home, then the page (app/plain-page.css). */
export function PlainPage({ slot, narrow = false, fullLoadHome = false, nav, children }: PlainPageProps) {
  const brand = (
    <>
      <HeadphonesIcon /> Listen
    </>
  );
  return (
    <main className={narrow ? "page page--narrow" : "page"} data-slot={slot}>
      <nav className="page__nav">
        {fullLoadHome ? (
          <a href="/" className="brand">
            {brand}
          </a>
        ) : (
          <Link href="/" className="brand">
            {brand}
          </Link>
        )}
        {nav}
      </nav>
      {children}
    </main>
  );
}
