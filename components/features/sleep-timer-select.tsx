"use client";

import { SLEEP_CHOICES, type SleepChoice } from "@/client/sleep/sleep-timer";
import type { SleepTimerState } from "@/components/hooks/use-sleep-timer";
import { MoonIcon } from "@/components/ui/icons";
import { formatTime } from "@/components/ui/transcript-viewer";
import "./sleep-timer-select.css";

interface SleepTimerSelectProps extends SleepTimerState {
  onChoose: (choice: SleepChoice | null) => void;
}

const label = (choice: SleepChoice) => (choice === "end" ? "End of article" : `${choice} min`);

/** The sleep timer's choice and, once set, what is left (a native select: keyboard and screen readers know it). */
export function SleepTimerSelect({ choice, remainingMs, onChoose }: SleepTimerSelectProps) {
  return (
    <label className="speed sleep-timer" data-slot="sleep-timer" data-active={choice !== null || undefined}>
      <MoonIcon width={16} height={16} />
      <span className="sr-only">Sleep timer</span>
      <select
        value={choice === null ? "off" : String(choice)}
        onChange={(event) => {
          const value = event.currentTarget.value;
          onChoose(value === "off" ? null : value === "end" ? "end" : (Number(value) as SleepChoice));
        }}
      >
        <option value="off">Sleep: off</option>
        {SLEEP_CHOICES.map((option) => (
          <option key={option} value={String(option)}>
            {label(option)}
          </option>
        ))}
      </select>
      {choice !== null && remainingMs !== null && (
        <span className="sleep-timer__left" data-slot="sleep-timer-left">
          {formatTime(Math.ceil(remainingMs / 1000))}
        </span>
      )}
    </label>
  );
}
