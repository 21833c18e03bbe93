import { describe, expect, it } from "vitest";
import { idleState, sessionReducer, type SessionAudio, type SessionState } from "@/client/listening/session-state";

const article = { text: "One two three.", voice: "Ashley" };
const other = { text: "One two three.", voice: "Dennis" };
const alignment = { characters: ["a"], characterStartTimesSeconds: [0], characterEndTimesSeconds: [0.1] };
const audio = (url: string, cue: SessionAudio["cue"] = { at: "top" }): SessionAudio => ({
  url,
  alignment,
  durationMs: 100,
  voice: "Ashley",
  segments: null,
  stream: { complete: false, expectedMs: 1000 },
  cue,
});
const error = { message: "The voice service is not reachable.", code: "UPSTREAM_UNAVAILABLE", status: 503 };

function loading(request = 1): SessionState {
  return sessionReducer(idleState("Ashley"), { type: "started", request, speech: article, voice: "Ashley", part: null, estimatedMs: 5000, at: 42 });
}

function playing(request = 1): SessionState {
  return sessionReducer(loading(request), {
    type: "audio",
    request,
    audio: audio("mse:1"),
    source: "network",
    speech: article,
    voice: "Ashley",
    part: null,
  });
}

describe("sessionReducer", () => {
  it("a start is loading what was asked, with the wait it expects", () => {
    const state = loading();
    expect(state).toMatchObject({ status: "loading", speech: article, voice: "Ashley", estimatedMs: 5000, startedAt: 42, audio: null, request: 1 });
  });

  it("audio makes it ready, from where it came", () => {
    expect(playing()).toMatchObject({ status: "ready", source: "network", audio: { url: "mse:1" }, speech: article });
  });

  it("audio that grows keeps its URL and takes the new timeline", () => {
    const grown = sessionReducer(playing(), {
      type: "audio-grew",
      request: 1,
      audio: { alignment, durationMs: 900, segments: null, stream: { complete: true, expectedMs: 900 } },
    });
    expect(grown.audio).toMatchObject({ url: "mse:1", durationMs: 900, stream: { complete: true } });
  });

  it("a failed start is an error with the API's reason and nothing to play", () => {
    const state = sessionReducer(loading(), { type: "failed", request: 1, error });
    expect(state).toMatchObject({ status: "error", error, audio: null });
  });

  it("a failed switch keeps the audio playing and says why beside it", () => {
    let state = sessionReducer(playing(), { type: "switching", request: 2, speech: other });
    expect(state).toMatchObject({ status: "ready", switchingTo: other, request: 2 });
    state = sessionReducer(state, { type: "failed", request: 2, error });
    expect(state).toMatchObject({ status: "ready", switchingTo: null, switchError: error, audio: { url: "mse:1" } });
  });

  it("a cancelled switch forgets it, and its late answer changes nothing", () => {
    let state = sessionReducer(playing(), { type: "switching", request: 2, speech: other });
    state = sessionReducer(state, { type: "switch-cancelled", request: 3 });
    expect(state).toMatchObject({ switchingTo: null, request: 3 });
    const late = sessionReducer(state, {
      type: "audio",
      request: 2,
      audio: audio("blob:9"),
      source: "network",
      speech: other,
      voice: "Dennis",
      part: null,
    });
    expect(late).toBe(state);
  });

  it("a stream that stops after audio keeps it playing, with the reason", () => {
    const state = sessionReducer(playing(), { type: "stream-stopped", request: 1, error });
    expect(state).toMatchObject({ status: "ready", streamError: error, audio: { url: "mse:1" } });
  });

  it("a retry hides the reason while it runs, and a failed retry shows it again (not as a voice switch)", () => {
    let state = sessionReducer(playing(), { type: "stream-stopped", request: 1, error });
    state = sessionReducer(state, { type: "retrying", request: 2 });
    expect(state).toMatchObject({ retrying: true, streamError: error, switchingTo: null });
    const again = { ...error, message: "still down" };
    state = sessionReducer(state, { type: "failed", request: 2, error: again });
    expect(state).toMatchObject({ status: "ready", retrying: false, streamError: again, switchError: null, audio: { url: "mse:1" } });
  });

  it("a retry's audio replaces the stopped stream's and clears the reason", () => {
    let state = sessionReducer(playing(), { type: "stream-stopped", request: 1, error });
    state = sessionReducer(state, { type: "retrying", request: 2 });
    state = sessionReducer(state, {
      type: "audio",
      request: 2,
      audio: audio("mse:2", { at: "same-word" }),
      source: "network",
      speech: article,
      voice: "Ashley",
      part: null,
    });
    expect(state).toMatchObject({ status: "ready", retrying: false, streamError: null, audio: { url: "mse:2", cue: { at: "same-word" } } });
  });

  it("answers to a replaced request change nothing", () => {
    const state = loading(2);
    for (const event of [
      { type: "failed", request: 1, error },
      { type: "stream-stopped", request: 1, error },
      { type: "audio-grew", request: 1, audio: { alignment, durationMs: 5, segments: null, stream: null } },
      { type: "audio", request: 1, audio: audio("mse:1"), source: "network", speech: article, voice: "Ashley", part: null },
    ] as const) {
      expect(sessionReducer(state, event)).toBe(state);
    }
  });

  it("the end of the last part is counted, and a new audio keeps the count", () => {
    let state = sessionReducer(playing(), { type: "ended" });
    state = sessionReducer(state, { type: "ended" });
    expect(state.endings).toBe(2);
    state = sessionReducer(state, {
      type: "audio",
      request: 2,
      audio: audio("blob:2"),
      source: "memory",
      speech: other,
      voice: "Dennis",
      part: null,
    });
    expect(state).toMatchObject({ endings: 2, voice: "Dennis" });
  });

  it("a chosen voice is kept for the next start", () => {
    expect(sessionReducer(idleState("Ashley"), { type: "voice-chosen", voice: "Dennis" }).voice).toBe("Dennis");
  });

  it("stopping goes idle, keeps the voice, and ignores what was under way", () => {
    const state = sessionReducer(playing(), { type: "stopped", request: 2 });
    expect(state).toEqual(idleState("Ashley", 2));
    expect(sessionReducer(state, { type: "failed", request: 1, error })).toBe(state);
  });
});
