import Link from "next/link";
import { HeadphonesIcon } from "@/components/ui/icons";

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
      <button
        type="button"
        className="listen-button"
        data-slot="listen-button"
        data-status={listening ? "active" : "idle"}
        aria-pressed={listening}
        onClick={onListen}
      >
        <HeadphonesIcon />
        <span>{listening ? "Stop" : "Listen"}</span>
      </button>
    </nav>
  );
}
