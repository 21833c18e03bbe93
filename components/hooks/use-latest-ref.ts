"use client";

import { useEffect, useRef, type RefObject } from "react";

/**
 * A ref that always holds the value of the last render, for long-lived listeners (key handlers, stream
 * readers, DOM observers) that must call the current callbacks without being torn down and re-attached
 * each time one changes. Read it in events and effects, never during render.
 */
export function useLatestRef<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
