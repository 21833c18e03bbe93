import { ToggleButton } from "@/components/ui/toggle-button";
import "./conversation-toggle.css";

interface ConversationToggleProps {
  on: boolean;
  onToggle: () => void;
}

/** Beside Listen, on an article that reads as a conversation: one voice per speaker, or the article's one voice. */
export function ConversationToggle({ on, onToggle }: ConversationToggleProps) {
  return (
    <ToggleButton slot="conversation-toggle" pressed={on} onToggle={onToggle} data-state={on ? "on" : "off"}>
      <span className="conversation-toggle__dot" aria-hidden="true" />
      Read as a conversation
    </ToggleButton>
  );
}
