import { ListenButton } from "./listen-button";
import "./floating-toolbar.css";

interface FloatingToolbarProps {
  listening: boolean;
  onListen: () => void;
}

/** Desktop: a small toolbar floating beside the article. */
export function FloatingToolbar({ listening, onListen }: FloatingToolbarProps) {
  return (
    <div className="floating-toolbar" data-slot="floating-toolbar" role="toolbar" aria-label="Article tools">
      <ListenButton listening={listening} onListen={onListen} showShortcut />
    </div>
  );
}
