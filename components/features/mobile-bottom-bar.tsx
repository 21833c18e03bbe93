import Link from "next/link";
import { ListenButton } from "./listen-button";
import "./mobile-bottom-bar.css";

interface MobileBottomBarProps {
  listening: boolean;
  onListen: () => void;
}

/** Mobile: the bar along the bottom edge, above the home indicator (safe area). */
export function MobileBottomBar({ listening, onListen }: MobileBottomBarProps) {
  return (
    <nav className="bottom-bar" data-slot="mobile-bottom-bar" aria-label="Article">
      <Link href="/" className="bottom-bar__link">
        Library
      </Link>
      <ListenButton listening={listening} onListen={onListen} />
    </nav>
  );
}
