"use client";

import { useState } from "react";
import { readAutoplayNext, writeAutoplayNext } from "@/components/hooks/use-up-next";
import "./autoplay-next-toggle.css";

/** The Up next setting: go on to the next queued article by itself (on by default). */
export function AutoplayNextToggle() {
  const [on, setOn] = useState(readAutoplayNext);
  return (
    <label className="autoplay-next" data-slot="autoplay-next">
      <input
        type="checkbox"
        checked={on}
        onChange={(event) => {
          setOn(event.currentTarget.checked);
          writeAutoplayNext(event.currentTarget.checked);
        }}
      />
      Autoplay next
    </label>
  );
}
