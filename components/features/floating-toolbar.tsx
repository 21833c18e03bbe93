import type { ReactNode } from "react";
import { ListenButton } from "./listen-button";
import "./floating-toolbar.css";

interface FloatingToolbarProps {
  listening: boolean;
  onListen: () => void;
  /** tools offered beside Listen (Read as a conversation) */
  children?: ReactNode;
}

/** Desktop: a small toolbar floating beside the article. */
export function FloatingToolbar({ listening, onListen, children }: FloatingToolbarProps) {
  return (
    <div className="floating-toolbar" data-slot="floating-toolbar" data-covers-reading="" role="toolbar" aria-label="Article tools">
      {children}
      <ListenButton listening={listening} onListen={onListen} showShortcut />
    </div>
  );
}
