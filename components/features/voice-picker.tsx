"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { Voice } from "@/components/hooks/use-voices";
import { CheckIcon, ChevronDownIcon, LockIcon } from "@/components/ui/icons";
import { VoiceAvatar } from "./voice-avatar";
import "./voice-picker.css";

interface VoicePickerProps {
  voices: readonly Voice[];
  /** the voice playing */
  value: string;
  /** a voice being fetched, if any */
  pending: string | null;
  /** an unlocked voice was chosen */
  onSelect: (voiceId: string) => void;
  /** a locked voice was chosen */
  onLocked: (voiceId: string) => void;
  pricingHref: string;
  /** whose voice this picks (a conversation's speaker); the article's voice when absent */
  speaker?: string;
}

const SECTIONS = [
  { gender: "female", label: "Female" },
  { gender: "male", label: "Male" },
] as const;

/**
 * The voice picker: a listbox in a popover, opening upwards from the player's controls row: Female and
 * Male sections, locked (premium) voices greyed with a PRO badge that lead to /pricing.
 */
export function VoicePicker({ voices, value, pending, onSelect, onLocked, pricingHref, speaker }: VoicePickerProps) {
  const [open, setOpen] = useState(false);
  const ordered = SECTIONS.flatMap((s) => voices.filter((v) => v.gender === s.gender));
  const [active, setActive] = useState(0);
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const current = voices.find((v) => v.id === (pending ?? value));
  const optionId = (voiceId: string) => `${id}-${voiceId}`;

  const openList = () => {
    setActive(
      Math.max(
        0,
        ordered.findIndex((v) => v.id === (pending ?? value)),
      ),
    );
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) triggerRef.current?.focus();
  };
  const choose = (voice: Voice) => {
    close(true);
    if (voice.locked) onLocked(voice.id);
    else if (voice.id !== value || pending) onSelect(voice.id);
  };

  useEffect(() => {
    if (!open) return;
    listRef.current?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  useEffect(() => {
    if (open) document.getElementById(`${id}-${ordered[active]?.id}`)?.scrollIntoView({ block: "nearest" });
  }, [open, active, id, ordered]);

  const onListKeyDown = (event: KeyboardEvent) => {
    const last = ordered.length - 1;
    const moves: Record<string, () => number> = {
      ArrowDown: () => Math.min(active + 1, last),
      ArrowUp: () => Math.max(active - 1, 0),
      Home: () => 0,
      End: () => last,
    };
    if (moves[event.key]) {
      event.preventDefault();
      setActive(moves[event.key]());
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      if (ordered[active]) choose(ordered[active]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    } else if (event.key === "Tab") {
      setOpen(false);
    }
  };

  const anyLocked = voices.some((v) => v.locked);
  return (
    <div className="voice-picker" ref={rootRef} data-slot="voice-picker" data-state={open ? "open" : "closed"}>
      <button
        ref={triggerRef}
        type="button"
        className="voice-picker__trigger"
        data-slot="voice-picker-trigger"
        data-pending={pending ? "" : undefined}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={open ? `${id}-list` : undefined}
        aria-label={`${speaker ? `Voice for ${speaker}` : "Voice"}: ${current?.name ?? value}${pending ? " (loading)" : ""}. Change voice`}
        onClick={() => (open ? close(false) : openList())}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            openList();
          }
        }}
      >
        <span className="voice-picker__avatar-wrap">
          <VoiceAvatar voiceId={current?.id ?? value} name={current?.name ?? value} size={26} />
          {pending && <span className="voice-picker__spinner" aria-hidden="true" />}
        </span>
        <span className="voice-picker__name">{current?.name ?? value}</span>
        <ChevronDownIcon width={14} height={14} className="voice-picker__chevron" />
      </button>

      {open && (
        <div className="voice-menu" data-slot="voice-menu">
          <div className="voice-menu__title" id={`${id}-title`}>
            {speaker ? `Choose a voice for ${speaker}` : "Choose a voice"}
          </div>
          <div
            ref={listRef}
            id={`${id}-list`}
            role="listbox"
            tabIndex={0}
            aria-labelledby={`${id}-title`}
            aria-activedescendant={ordered[active] ? optionId(ordered[active].id) : undefined}
            className="voice-menu__list"
            onKeyDown={onListKeyDown}
          >
            {SECTIONS.map(({ gender, label }) => {
              const inSection = voices.filter((v) => v.gender === gender);
              if (inSection.length === 0) return null;
              return (
                <div key={gender} role="group" aria-labelledby={`${id}-${gender}`} className="voice-menu__group">
                  <div id={`${id}-${gender}`} role="presentation" className="voice-menu__section">
                    {label}
                  </div>
                  {inSection.map((voice) => {
                    const selected = voice.id === (pending ?? value);
                    return (
                      <div
                        key={voice.id}
                        id={optionId(voice.id)}
                        role="option"
                        aria-selected={selected}
                        data-slot="voice-option"
                        data-voice={voice.id}
                        data-locked={voice.locked ? "" : undefined}
                        data-active={ordered[active]?.id === voice.id ? "" : undefined}
                        className="voice-option"
                        onPointerEnter={() => setActive(ordered.indexOf(voice))}
                        onClick={() => choose(voice)}
                      >
                        <VoiceAvatar voiceId={voice.id} name={voice.name} size={34} locked={voice.locked} />
                        <span className="voice-option__text">
                          <span className="voice-option__name">
                            {voice.name}
                            {voice.locked && (
                              <span className="voice-option__pro">
                                <LockIcon width={10} height={10} />
                                PRO
                                <span className="sr-only">, Premium voice: upgrade to unlock</span>
                              </span>
                            )}
                          </span>
                          <span className="voice-option__meta">
                            {voice.accent} · {voice.description}
                          </span>
                        </span>
                        {selected && <CheckIcon width={16} height={16} className="voice-option__check" />}
                        {voice.locked && (
                          <span className="voice-option__tooltip" role="tooltip" aria-hidden="true">
                            Upgrade to unlock
                          </span>
                        )}
                      </div>
                    );
                  })}
                </div>
              );
            })}
          </div>
          {anyLocked && (
            <Link href={pricingHref} className="voice-menu__footer" data-slot="voice-menu-upgrade">
              Unlock all voices with Premium
              <span aria-hidden="true">→</span>
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
