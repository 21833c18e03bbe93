import type { CSSProperties } from "react";
import "./voice-avatar.css";

// One gradient per voice, so a voice is recognisable at a glance in the picker and on its button.
const GRADIENTS: Record<string, [string, string]> = {
  Ashley: ["#ff9a8b", "#ff6a88"],
  Dennis: ["#5ee7df", "#3a7bd5"],
  Sarah: ["#fbc2eb", "#a18cd1"],
  Olivia: ["#f6d365", "#fda085"],
  Julia: ["#84fab0", "#2fb5a4"],
  Elizabeth: ["#c471f5", "#6a3fd8"],
  Alex: ["#89f7fe", "#4f7cff"],
  Craig: ["#667eea", "#3b2a86"],
  Edward: ["#ff758c", "#b24592"],
  Timothy: ["#9be15d", "#1fa35c"],
};
const FALLBACK: [string, string] = ["#a1a1aa", "#52525b"];

export function VoiceAvatar({ voiceId, name, size = 32, locked = false }: { voiceId: string; name: string; size?: number; locked?: boolean }) {
  const [from, to] = GRADIENTS[voiceId] ?? FALLBACK;
  const style = { "--avatar-from": from, "--avatar-to": to, width: size, height: size, fontSize: size * 0.42 } as CSSProperties;
  return (
    <span className="voice-avatar" data-locked={locked || undefined} style={style} aria-hidden="true">
      {name.slice(0, 1)}
    </span>
  );
}
