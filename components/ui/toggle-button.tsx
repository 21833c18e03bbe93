import type { ButtonHTMLAttributes } from "react";

interface ToggleButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "className" | "onClick"> {
  /** its class and its data-slot, which styles and tests find it by */
  slot: string;
  pressed: boolean;
  onToggle: () => void;
}

/** A button that is on or off (aria-pressed): Listen / Stop, Read as a conversation. */
export function ToggleButton({ slot, pressed, onToggle, children, ...attributes }: ToggleButtonProps) {
  return (
    <button type="button" className={slot} data-slot={slot} aria-pressed={pressed} onClick={onToggle} {...attributes}>
      {children}
    </button>
  );
}
