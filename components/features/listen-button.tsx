import { HeadphonesIcon } from "@/components/ui/icons";
import { ToggleButton } from "@/components/ui/toggle-button";
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
    <ToggleButton
      slot="listen-button"
      pressed={listening}
      onToggle={onListen}
      data-status={listening ? "active" : "idle"}
      aria-keyshortcuts={showShortcut ? "L" : undefined}
    >
      <HeadphonesIcon />
      <span>{listening ? "Stop" : "Listen"}</span>
      {showShortcut && <kbd>L</kbd>}
    </ToggleButton>
  );
}
