"use client";

import type { ReactNode } from "react";
import { queueArticle, unqueueArticle, useUpNextState } from "@/components/hooks/use-up-next";
import { heardLabel } from "@/client/library/up-next";
import "./up-next.css";

interface CardActionsProps {
  id: string;
  title: string;
  /** more actions for this card, shown before "Play next" */
  children?: ReactNode;
}

/** In a library card, under its link: how much of it was heard, the actions given, and "Play next" (or "Queued", to take it off again). */
export function CardActions({ id, title, children }: CardActionsProps) {
  const { queue, heard } = useUpNextState();
  const position = queue.findIndex((a) => a.id === id);
  const label = heardLabel(heard[id]);
  return (
    <div className="card-actions" data-slot="card-actions" data-id={id}>
      {label && (
        <span className="card-actions__heard" data-slot="heard" data-finished={label === "Finished" || undefined}>
          {label}
        </span>
      )}
      {children}
      <button
        type="button"
        className="outline-pill card-actions__button"
        data-slot="play-next"
        aria-pressed={position >= 0}
        aria-label={position >= 0 ? `Queued ${position + 1}: “${title}”. Remove from Up next` : `Play “${title}” next`}
        onClick={() => (position >= 0 ? unqueueArticle(id) : queueArticle({ id, title }))}
      >
        {position >= 0 ? `Up next · ${position + 1}` : "Play next"}
      </button>
    </div>
  );
}
