import Link from "next/link";
import type { ReactNode } from "react";
import { ListenButton } from "./listen-button";
import "./mobile-bottom-bar.css";

interface MobileBottomBarProps {
  listening: boolean;
  onListen: () => void;
  /** tools offered beside Listen (Read as a conversation) */
  children?: ReactNode;
}

/** Mobile: the bar along the bottom edge, above the home indicator (safe area). */
export function MobileBottomBar({ listening, onListen, children }: MobileBottomBarProps) {
  return (
    <nav className="bottom-bar" data-slot="mobile-bottom-bar" data-covers-reading="" aria-label="Article">
      <Link href="/" className="bottom-bar__link">
        Library
      </Link>
      {children}
      <ListenButton listening={listening} onListen={onListen} />
    </nav>
  );
}
