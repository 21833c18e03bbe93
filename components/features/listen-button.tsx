import { HeadphonesIcon } from "@/components/ui/icons";
import "./listen-button.css";

interface ListenButtonProps {
  listening: boolean;
  onListen: () => void;
  /** shows the L key beside the label (desktop, where there is a keyboard) */
  showShortcut?: boolean;
}

/** Listen / Stop, as both bars show it; tests and styles find it by `data-slot="listen-button"`. */
export function ListenButton({ listening, onListen, showShortcut = false }: ListenButtonProps) {
  return (
    <button
      type="button"
      className="listen-button"
      data-slot="listen-button"
      data-status={listening ? "active" : "idle"}
      aria-pressed={listening}
      aria-keyshortcuts={showShortcut ? "L" : undefined}
      onClick={onListen}
    >
      <HeadphonesIcon />
      <span>{listening ? "Stop" : "Listen"}</span>
      {showShortcut && <kbd>L</kbd>}
    </button>
  );
}
