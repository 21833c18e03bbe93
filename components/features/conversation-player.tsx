"use client";

import { useId, useState, type ComponentProps } from "react";
import type { SegmentTiming } from "@/lib/conversation/speech";
import { ChevronDownIcon } from "@/components/ui/icons";
import { SpeakingNow } from "./speaking-now";
import { VoicesPanel } from "./voices-panel";
import "./conversation-player.css";

type ConversationPlayerProps = Omit<ComponentProps<typeof VoicesPanel>, "id"> & {
  turnSpeakers: readonly number[];
  segments: readonly SegmentTiming[] | null;
};

/** The player's conversation row: who is speaking now, and the Voices panel that changes each speaker's voice. */
export function ConversationPlayer({ turnSpeakers, segments, ...panel }: ConversationPlayerProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="conversation-player" data-slot="conversation-player" data-state={open ? "open" : "closed"}>
      <div className="conversation-player__row">
        <SpeakingNow speakers={panel.speakers} turnSpeakers={turnSpeakers} segments={segments} />
        <button
          type="button"
          className="conversation-player__voices"
          data-slot="voices-toggle"
          aria-expanded={open}
          aria-controls={open ? id : undefined}
          onClick={() => setOpen((o) => !o)}
        >
          Voices
          <ChevronDownIcon width={14} height={14} className="conversation-player__chevron" />
        </button>
      </div>
      {open && <VoicesPanel id={id} {...panel} />}
    </div>
  );
}
