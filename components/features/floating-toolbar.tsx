import { HeadphonesIcon } from "@/components/ui/icons";

interface ListenButtonProps {
  listening: boolean;
  onListen: () => void;
}

/** Desktop: a small toolbar floating beside the article. */
export function FloatingToolbar({ listening, onListen }: ListenButtonProps) {
  return (
    <div className="floating-toolbar" data-slot="floating-toolbar" role="toolbar" aria-label="Article tools">
      <button
        type="button"
        className="listen-button"
        data-slot="listen-button"
        data-status={listening ? "active" : "idle"}
        aria-pressed={listening}
        aria-keyshortcuts="L"
        onClick={onListen}
      >
        <HeadphonesIcon />
        <span>{listening ? "Stop" : "Listen"}</span>
        <kbd>L</kbd>
      </button>
    </div>
  );
}
