// The TTS highlighter and the annotation restorer both edit the article
// DOM and both watch it with a MutationObserver. Each TTS DOM operation holds this lock for a while, and the
// annotation observer ignores what it sees while the lock is held. A counter, not a boolean: operations
// overlap (wrap, a re-wrap, the unwrap on close), and the first to expire must not release the others.

export interface MutationLock {
  /** holds the lock for `holdMs` from now, alongside any other holds */
  hold(): void;
  isHeld(): boolean;
  readonly holds: number;
  /** drops every hold; timers from before the reset no longer count down (the generation check) */
  reset(): void;
}

export interface MutationLockOptions {
  /** longer than the observer's debounce (150 ms), so the debounced check still sees the lock */
  holdMs: number;
  schedule?: (run: () => void, ms: number) => unknown;
}

export function createMutationLock({ holdMs, schedule = setTimeout }: MutationLockOptions): MutationLock {
  if (!Number.isFinite(holdMs) || holdMs <= 0) throw new TypeError(`Expected \`holdMs\` to be a positive number, got ${holdMs}`);
  let holds = 0;
  let generation = 0;
  return {
    hold() {
      holds++;
      const heldIn = generation;
      schedule(() => {
        if (heldIn === generation && holds > 0) holds--;
      }, holdMs);
    },
    isHeld: () => holds > 0,
    get holds() {
      return holds;
    },
    reset() {
      generation++;
      holds = 0;
    },
  };
}
