import type { Page } from "@playwright/test";

export type MediaAction = "play" | "pause" | "stop" | "seekbackward" | "seekforward" | "seekto" | "previoustrack" | "nexttrack";

interface MediaSessionProbe {
  handlers: Record<string, ((details: object) => void) | null>;
  position: MediaPositionState | null;
}
type WithProbe = Window & { __mediaSession?: MediaSessionProbe };

/**
 * The system's side of the Media Session, seen from the page: an init script records the handlers the app
 * registers and the last position it reported, so a test can press what a lock screen or headset would.
 */
export class MediaSessionProbePage {
  constructor(readonly page: Page) {}

  async install() {
    await this.page.addInitScript(() => {
      const probe: MediaSessionProbe = { handlers: {}, position: null };
      (window as WithProbe).__mediaSession = probe;
      const session = navigator.mediaSession;
      const setActionHandler = session.setActionHandler.bind(session);
      session.setActionHandler = (action, handler) => {
        probe.handlers[action] = handler as ((details: object) => void) | null;
        setActionHandler(action, handler);
      };
      const setPositionState = session.setPositionState.bind(session);
      session.setPositionState = (state) => {
        probe.position = state ?? null;
        setPositionState(state);
      };
    });
  }

  metadata() {
    return this.page.evaluate(() => {
      const m = navigator.mediaSession.metadata;
      return m && { title: m.title, artist: m.artist, album: m.album, artwork: m.artwork.map((a) => a.src) };
    });
  }

  playbackState() {
    return this.page.evaluate(() => navigator.mediaSession.playbackState);
  }

  registered() {
    return this.page.evaluate(() =>
      Object.entries((window as WithProbe).__mediaSession!.handlers)
        .filter(([, handler]) => handler !== null)
        .map(([action]) => action)
        .sort(),
    );
  }

  position() {
    return this.page.evaluate(() => (window as WithProbe).__mediaSession!.position);
  }

  /** Does what the system does on a lock-screen button or a headset key: calls the registered handler. */
  async press(action: MediaAction, details: Partial<MediaSessionActionDetails> = {}) {
    await this.page.evaluate(
      ([name, extra]) => {
        const handler = (window as WithProbe).__mediaSession!.handlers[name];
        if (!handler) throw new Error(`no handler for ${name}`);
        handler({ action: name, ...extra });
      },
      [action, details] as const,
    );
  }
}
