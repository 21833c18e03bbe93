import "./conversation-toggle.css";

interface ConversationToggleProps {
  on: boolean;
  onToggle: () => void;
}

/** Beside Listen, on an article that reads as a conversation: one voice per speaker, or the article's one voice. */
export function ConversationToggle({ on, onToggle }: ConversationToggleProps) {
  return (
    <button
      type="button"
      className="conversation-toggle"
      data-slot="conversation-toggle"
      data-state={on ? "on" : "off"}
      aria-pressed={on}
      onClick={onToggle}
    >
      <span className="conversation-toggle__dot" aria-hidden="true" />
      Read as a conversation
    </button>
  );
}
