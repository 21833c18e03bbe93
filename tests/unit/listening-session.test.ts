import { describe, expect, it, vi } from "vitest";
import { createListeningSession } from "@/client/listening/listening-session";
import { STREAM_STALL_MS } from "@/client/listening/read-speech-stream";
import { speechCacheKey, type Speech } from "@/lib/conversation/speech";
import { DEFAULT_AUDIO_SETTINGS } from "@/lib/text/cache-key";
import { fakePorts, json, lineStream, singleResponse, streamLines, type LineStream } from "@/tests/support/listening-fakes";

const TEXT = "The first sentence. The second sentence.";
const PIECES = ["The first sentence.", " The second sentence."];
const article = { text: TEXT, voice: "Ashley" };

function setup(options: { mediaSource?: boolean; maxChars?: number } = {}) {
  const fakes = fakePorts(options);
  const session = createListeningSession({ ports: fakes.ports, voice: "Ashley", maxChars: options.maxChars });
  return { ...fakes, session, state: () => session.getState() };
}

/** Answers every stream request with a body the test writes; `streams` holds them in order. */
function answerStreams(fakes: ReturnType<typeof setup>, headers: Record<string, string> = {}) {
  const streams: LineStream[] = [];
  fakes.answer(({ path, signal }) => {
    if (path !== "/api/tts/stream") return json({ error: "unexpected", code: "TEST" }, 500);
    const stream = lineStream(signal);
    streams.push(stream);
    return new Response(stream.body, { status: 200, headers: { "Content-Type": "application/x-ndjson", ...headers } });
  });
  return streams;
}

/** A session whose start has asked for the stream: `streams[0]` is its body, for the test to write. */
async function streaming(speech: Speech = article, startWord: number | null = null, options: Parameters<typeof setup>[0] = {}) {
  const t = setup(options);
  const streams = answerStreams(t);
  t.session.start(speech, startWord);
  await vi.waitFor(() => expect(streams).toHaveLength(1));
  return { t, streams };
}

async function playStream(stream: LineStream, pieces = PIECES, { end = true } = {}) {
  const lines = streamLines(pieces);
  stream.send(lines.start);
  for (const chunk of lines.chunks) stream.send(chunk);
  if (end) {
    stream.send(lines.end);
    stream.close();
  }
}

describe("createListeningSession: start", () => {
  it("streams an article no cache has: ready at the first chunk, complete at the end, then kept in L0 and L1", async () => {
    const t = setup();
    const streams = answerStreams(t, { "X-TTS-Usage-Count": "1", "X-TTS-Usage-Limit": "3" });
    t.session.start(article);
    expect(t.state()).toMatchObject({ status: "loading", speech: article, part: null });
    await vi.waitFor(() => expect(streams).toHaveLength(1));
    expect(t.posts[0]).toMatchObject({ path: "/api/tts/stream", body: article });

    const lines = streamLines(PIECES);
    streams[0].send(lines.start);
    streams[0].send(lines.chunks[0]);
    await vi.waitFor(() => expect(t.state().status).toBe("ready"));
    expect(t.state()).toMatchObject({ source: "network", audio: { url: "mse:1", voice: "Ashley", cue: { at: "top" }, stream: { complete: false } } });
    expect(t.feeds[0].appended).toHaveLength(1);

    streams[0].send(lines.chunks[1]);
    streams[0].send(lines.end);
    streams[0].close();
    await vi.waitFor(() => expect(t.state().audio?.stream?.complete).toBe(true));
    expect(t.state().audio?.alignment.characters.join("")).toBe(TEXT);
    expect(t.feeds[0].ended).toBe(true);
    const key = await speechCacheKey(article, DEFAULT_AUDIO_SETTINGS);
    await vi.waitFor(() => expect(t.disk.has(key)).toBe(true));
    expect(t.ports.memory.get("Ashley", TEXT)).toBeDefined();
    expect(t.usage).toEqual([{ usage: { count: 1, limit: 3 }, key }]);
  });

  it("plays what L0 holds at once, with no request", async () => {
    const t = setup();
    const blob = new Blob([new Uint8Array([1])]);
    t.ports.memory.set("Ashley", TEXT, { blobUrl: "blob:kept", audio: blob, alignment: streamLines(PIECES).chunks[0].alignment, durationMs: 500 });
    t.session.start(article);
    expect(t.state()).toMatchObject({ status: "ready", source: "memory", audio: { url: "blob:kept", stream: null } });
    expect(t.posts).toHaveLength(0);
  });

  it("plays what L1 holds, keeping it in L0, with no request", async () => {
    const t = setup();
    const key = await speechCacheKey(article, DEFAULT_AUDIO_SETTINGS);
    t.disk.set(key, { audio: new Blob([new Uint8Array([1])]), alignment: streamLines(PIECES).chunks[0].alignment, durationMs: 500 });
    t.session.start(article);
    await vi.waitFor(() => expect(t.state().status).toBe("ready"));
    expect(t.state()).toMatchObject({ source: "disk", audio: { url: "blob:1", durationMs: 500 } });
    expect(t.ports.memory.get("Ashley", TEXT)?.blobUrl).toBe("blob:1");
    expect(t.posts).toHaveLength(0);
  });

  it("asks for the single response where MediaSource cannot play MP3, and keeps it in both caches", async () => {
    const t = setup({ mediaSource: false });
    t.answer(() => singleResponse(TEXT, { "X-TTS-Usage-Count": "2", "X-TTS-Usage-Limit": "3" }));
    t.session.start(article);
    await vi.waitFor(() => expect(t.state().status).toBe("ready"));
    expect(t.posts.map((p) => p.path)).toEqual(["/api/tts"]);
    expect(t.state()).toMatchObject({ source: "network", audio: { url: "blob:1", stream: null } });
    const key = await speechCacheKey(article, DEFAULT_AUDIO_SETTINGS);
    await vi.waitFor(() => expect(t.disk.has(key)).toBe(true));
    expect(t.usage).toEqual([{ usage: { count: 2, limit: 3 }, key }]);
  });

  it("falls back to the single response when the API has no stream endpoint (404)", async () => {
    const t = setup();
    t.answer(({ path }) => (path === "/api/tts/stream" ? json({ error: "Not found", code: "NOT_FOUND" }, 404) : singleResponse(TEXT)));
    t.session.start(article);
    await vi.waitFor(() => expect(t.state().status).toBe("ready"));
    expect(t.posts.map((p) => p.path)).toEqual(["/api/tts/stream", "/api/tts"]);
  });

  it("a refusal is an error with the API's words and code, and the reader's usage is still heard", async () => {
    const t = setup();
    t.answer(() => json({ error: "Daily limit reached", code: "DAILY_LIMIT" }, 429, { "X-TTS-Usage-Count": "3", "X-TTS-Usage-Limit": "3" }));
    t.session.start(article);
    await vi.waitFor(() => expect(t.state().status).toBe("error"));
    expect(t.state().error).toEqual({ status: 429, code: "DAILY_LIMIT", message: "Daily limit reached" });
    expect(t.usage).toEqual([{ usage: { count: 3, limit: 3 }, key: undefined }]);
  });

  it("a refusal without our JSON says the status in words", async () => {
    const t = setup();
    t.answer(() => new Response("<html>Bad gateway</html>", { status: 502 }));
    t.session.start(article);
    await vi.waitFor(() => expect(t.state().status).toBe("error"));
    expect(t.state().error).toMatchObject({ status: 502, code: "HTTP_502", message: expect.stringContaining("502") });
  });

  it("no answer at all is a network error", async () => {
    const t = setup();
    t.answer(() => Promise.reject(new TypeError("Failed to fetch")));
    t.session.start(article);
    await vi.waitFor(() => expect(t.state().status).toBe("error"));
    expect(t.state().error).toMatchObject({ status: 0, code: "NETWORK_ERROR", message: expect.stringContaining("Failed to fetch") });
  });

  it("an error line before any audio fails the start", async () => {
    const { t, streams } = await streaming(article);
    streams[0].send(streamLines(PIECES).start);
    streams[0].send({ type: "error", error: "The voice service is not reachable.", code: "UPSTREAM_UNAVAILABLE" });
    await vi.waitFor(() => expect(t.state().status).toBe("error"));
    expect(t.state().error).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", message: "The voice service is not reachable." });
  });

  it("starts from a chosen word ('Continue from')", async () => {
    const { t, streams } = await streaming(article, 3);
    await playStream(streams[0]);
    await vi.waitFor(() => expect(t.state().status).toBe("ready"));
    expect(t.state().audio?.cue).toEqual({ at: "word", word: 3 });
  });

  it("a second start replaces the first: the first's answer is dropped and its request aborted", async () => {
    const { t, streams } = await streaming(article);
    const next = { text: "Another article entirely.", voice: "Ashley" };
    t.session.start(next);
    await vi.waitFor(() => expect(streams).toHaveLength(2));
    expect(t.posts[0].signal.aborted).toBe(true);
    await playStream(streams[1], ["Another article entirely."]);
    await vi.waitFor(() => expect(t.state().audio?.stream?.complete).toBe(true));
    expect(t.state().speech).toEqual(next);
    expect(t.feeds).toHaveLength(1);
  });

  it("sends a conversation's segments as the request body", async () => {
    const t = setup();
    const streams = answerStreams(t);
    const segments = [
      { text: "Hello.", voice: "Ashley" },
      { text: "Hi there.", voice: "Dennis" },
    ];
    t.session.start({ segments });
    await vi.waitFor(() => expect(streams).toHaveLength(1));
    expect(t.posts[0].body).toEqual({ segments });
    // The article's voice is left as it was: Listen without the conversation uses it.
    expect(t.state()).toMatchObject({ status: "loading", voice: "Ashley" });
  });
});

describe("createListeningSession: a conversation", () => {
  it("reports where each segment starts as its first chunk arrives", async () => {
    const segments = [
      { text: "The first sentence.", voice: "Ashley" },
      { text: "The second sentence.", voice: "Dennis" },
    ];
    const { t, streams } = await streaming({ segments });
    const lines = streamLines(["The first sentence.", "\n\nThe second sentence."]);
    streams[0].send({ ...lines.start, segments: [{ voice: "Ashley" }, { voice: "Dennis" }] });
    streams[0].send({ ...lines.chunks[0], segment: 0 });
    await vi.waitFor(() => expect(t.state().status).toBe("ready"));
    expect(t.state().audio?.segments).toEqual([{ voice: "Ashley", startMs: 0 }]);
    streams[0].send({ ...lines.chunks[1], segment: 1 });
    streams[0].send(lines.end);
    streams[0].close();
    await vi.waitFor(() => expect(t.state().audio?.stream?.complete).toBe(true));
    expect(t.state().audio?.segments).toEqual([
      { voice: "Ashley", startMs: 0 },
      { voice: "Dennis", startMs: lines.chunks[1].startMs },
    ]);
    const key = await speechCacheKey({ segments }, DEFAULT_AUDIO_SETTINGS);
    await vi.waitFor(() => expect(t.disk.get(key)?.segments).toHaveLength(2));
  });
});

describe("createListeningSession: a stream that stops midway", () => {
  async function midStream() {
    const { t, streams } = await streaming(article);
    const lines = streamLines(PIECES);
    streams[0].send(lines.start);
    streams[0].send(lines.chunks[0]);
    await vi.waitFor(() => expect(t.state().status).toBe("ready"));
    return { t, streams, lines };
  }

  it("an error line after audio keeps what arrived playing, with the reason", async () => {
    const { t, streams } = await midStream();
    streams[0].send({ type: "error", error: "The voice service is not reachable.", code: "UPSTREAM_UNAVAILABLE" });
    await vi.waitFor(() => expect(t.state().streamError).not.toBeNull());
    expect(t.state()).toMatchObject({ status: "ready", audio: { url: "mse:1" }, streamError: { code: "UPSTREAM_UNAVAILABLE" } });
    expect(t.feeds[0].closed).toBe(false);
  });

  it("a body that ends without its end line is said to have stopped", async () => {
    const { t, streams } = await midStream();
    streams[0].close();
    await vi.waitFor(() => expect(t.state().streamError?.code).toBe("STREAM_INCOMPLETE"));
  });

  it("a stream that goes quiet is ended after the stall limit, and its request aborted", async () => {
    const { t } = await midStream();
    t.advance(STREAM_STALL_MS - 1);
    await Promise.resolve();
    expect(t.state().streamError).toBeNull();
    t.advance(1);
    await vi.waitFor(() => expect(t.state().streamError?.code).toBe("STREAM_STALLED"));
    expect(t.posts[0].signal.aborted).toBe(true);
    expect(t.state()).toMatchObject({ status: "ready", audio: { url: "mse:1" } });
  });

  it("a stream that goes quiet before any audio fails the start", async () => {
    const { t, streams } = await streaming(article);
    streams[0].send(streamLines(PIECES).start);
    await new Promise((resolve) => setTimeout(resolve, 10));
    t.advance(STREAM_STALL_MS);
    await vi.waitFor(() => expect(t.state().status).toBe("error"));
    expect(t.state().error?.code).toBe("STREAM_STALLED");
  });

  it("a chunk the browser cannot play ends the stream with the reason, and its request is aborted", async () => {
    const { t } = await midStream();
    t.feeds[0].fail(new Error("decode error"));
    await vi.waitFor(() => expect(t.state().streamError?.code).toBe("MEDIA_ERROR"));
    expect(t.state().streamError?.message).toContain("decode error");
    expect(t.posts[0].signal.aborted).toBe(true);
  });

  it("a garbled line after audio keeps what arrived playing, as a network error", async () => {
    const { t, streams } = await midStream();
    streams[0].send({ type: "not-a-line" });
    await vi.waitFor(() => expect(t.state().streamError?.code).toBe("NETWORK_ERROR"));
    expect(t.state()).toMatchObject({ status: "ready", audio: { url: "mse:1" } });
  });

  it("retry asks again and carries on from the same word; the new audio clears the reason", async () => {
    const { t, streams } = await midStream();
    streams[0].send({ type: "error", error: "down", code: "UPSTREAM_UNAVAILABLE" });
    await vi.waitFor(() => expect(t.state().streamError).not.toBeNull());
    t.session.retry();
    expect(t.state()).toMatchObject({ retrying: true, switchingTo: null });
    await vi.waitFor(() => expect(streams).toHaveLength(2));
    expect(t.posts[1]).toMatchObject({ path: "/api/tts/stream", body: article });
    await playStream(streams[1]);
    await vi.waitFor(() => expect(t.state().audio?.url).toBe("mse:2"));
    expect(t.state()).toMatchObject({ status: "ready", retrying: false, streamError: null, audio: { cue: { at: "same-word" } } });
    expect(t.feeds[0].closed).toBe(true);
  });

  it("a retry while the service is still down shows the reason again, and the next retry works", async () => {
    const { t, streams } = await midStream();
    streams[0].send({ type: "error", error: "down", code: "UPSTREAM_UNAVAILABLE" });
    await vi.waitFor(() => expect(t.state().streamError).not.toBeNull());
    t.answer(() => json({ error: "The voice service is not reachable.", code: "UPSTREAM_UNAVAILABLE" }, 503));
    t.session.retry();
    await vi.waitFor(() => expect(t.state().retrying).toBe(false));
    expect(t.state()).toMatchObject({ status: "ready", switchError: null, streamError: { status: 503 }, audio: { url: "mse:1" } });

    const later = answerStreams(t);
    t.session.retry();
    await vi.waitFor(() => expect(later).toHaveLength(1));
    await playStream(later[0]);
    await vi.waitFor(() => expect(t.state().audio?.stream?.complete).toBe(true));
    expect(t.state()).toMatchObject({ streamError: null, audio: { url: "mse:2", cue: { at: "same-word" } } });
  });

  it("retry after a failed start starts again from the word that start asked for", async () => {
    const t = setup();
    t.answer(() => json({ error: "busy", code: "TTS_BUSY" }, 503));
    t.session.start(article, 2);
    await vi.waitFor(() => expect(t.state().status).toBe("error"));
    const streams = answerStreams(t);
    t.session.retry();
    expect(t.state().status).toBe("loading");
    await vi.waitFor(() => expect(streams).toHaveLength(1));
    await playStream(streams[0]);
    await vi.waitFor(() => expect(t.state().status).toBe("ready"));
    expect(t.state().audio?.cue).toEqual({ at: "word", word: 2 });
  });

  it("retry with nothing failed does nothing", async () => {
    const { t } = await midStream();
    t.session.retry();
    expect(t.posts).toHaveLength(1);
  });
});

describe("createListeningSession: voices", () => {
  async function playingArticle() {
    const { t, streams } = await streaming(article);
    await playStream(streams[0]);
    await vi.waitFor(() => expect(t.state().audio?.stream?.complete).toBe(true));
    return t;
  }

  it("a voice chosen before listening is only remembered", () => {
    const t = setup();
    t.session.chooseVoice("Dennis");
    expect(t.state()).toMatchObject({ status: "idle", voice: "Dennis" });
    expect(t.posts).toHaveLength(0);
  });

  it("a switch keeps the voice playing until the new one is whole (single response), then goes on from the same word", async () => {
    const t = await playingArticle();
    t.answer(() => singleResponse(TEXT));
    t.session.chooseVoice("Dennis");
    expect(t.state()).toMatchObject({ status: "ready", switchingTo: { text: TEXT, voice: "Dennis" }, audio: { url: "mse:1" } });
    await vi.waitFor(() => expect(t.state().voice).toBe("Dennis"));
    expect(t.posts[1]).toMatchObject({ path: "/api/tts", body: { text: TEXT, voice: "Dennis" } });
    expect(t.state()).toMatchObject({ switchingTo: null, audio: { voice: "Dennis", cue: { at: "same-word" }, stream: null } });
    expect(t.feeds[0].closed).toBe(true);
  });

  it("switching back to a voice heard in this tab is instant, from L0", async () => {
    const t = await playingArticle();
    t.answer(() => singleResponse(TEXT));
    t.session.chooseVoice("Dennis");
    await vi.waitFor(() => expect(t.state().voice).toBe("Dennis"));
    t.session.chooseVoice("Ashley");
    expect(t.state()).toMatchObject({ voice: "Ashley", source: "memory", audio: { cue: { at: "same-word" } } });
    expect(t.posts).toHaveLength(2);
  });

  it("a failed switch leaves the voice playing, with the reason", async () => {
    const t = await playingArticle();
    t.answer(() => json({ error: "Premium voice", code: "PREMIUM_VOICE" }, 403));
    t.session.chooseVoice("Dennis");
    await vi.waitFor(() => expect(t.state().switchError).not.toBeNull());
    expect(t.state()).toMatchObject({
      status: "ready",
      voice: "Ashley",
      switchingTo: null,
      switchError: { code: "PREMIUM_VOICE" },
      audio: { url: "mse:1" },
    });
  });

  it("choosing the voice playing while a switch is under way cancels the switch; its late answer is dropped", async () => {
    const t = await playingArticle();
    let answer!: (res: Response) => void;
    t.answer(() => new Promise<Response>((resolve) => (answer = resolve)));
    t.session.chooseVoice("Dennis");
    await vi.waitFor(() => expect(t.posts).toHaveLength(2));
    t.session.chooseVoice("Ashley");
    expect(t.state()).toMatchObject({ switchingTo: null, voice: "Ashley" });
    expect(t.posts[1].signal.aborted).toBe(true);
    answer(singleResponse(TEXT));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(t.state()).toMatchObject({ voice: "Ashley", audio: { url: "mse:1" } });
  });

  it("a voice chosen while the start is still loading restarts it in that voice", async () => {
    const { t, streams } = await streaming(article, 1);
    t.session.chooseVoice("Dennis");
    await vi.waitFor(() => expect(streams).toHaveLength(2));
    expect(t.posts[1].body).toEqual({ text: TEXT, voice: "Dennis" });
    await playStream(streams[1]);
    await vi.waitFor(() => expect(t.state().status).toBe("ready"));
    expect(t.state()).toMatchObject({ voice: "Dennis", audio: { cue: { at: "word", word: 1 } } });
  });
});

describe("createListeningSession: stop and the whole file", () => {
  it("stop goes idle, revokes the tab's URLs, closes the feed and drops late answers", async () => {
    const { t, streams } = await streaming(article);
    await playStream(streams[0]);
    await vi.waitFor(() => expect(t.state().audio?.stream?.complete).toBe(true));
    t.session.stop();
    expect(t.state()).toMatchObject({ status: "idle", audio: null, speech: null, voice: "Ashley" });
    expect(t.revoked).toEqual(["blob:1"]);
    expect(t.feeds[0].closed).toBe(true);
  });

  it("the whole MP3 is there once the stream is complete, not before", async () => {
    const { t, streams } = await streaming(article);
    await playStream(streams[0], PIECES, { end: false });
    await vi.waitFor(() => expect(t.state().status).toBe("ready"));
    expect(await t.session.wholeAudio()).toBeNull();
    streams[0].send(streamLines(PIECES).end);
    await vi.waitFor(() => expect(t.state().audio?.stream?.complete).toBe(true));
    const whole = await t.session.wholeAudio();
    expect(whole?.type).toBe("audio/mpeg");
    expect(whole?.size).toBeGreaterThan(0);
  });
});

describe("createListeningSession: an article over the speech limit", () => {
  const paragraphs = ["Alpha one two three.", "Bravo four five six.", "Charlie seven eight nine."];
  const long = { text: paragraphs.join("\n\n"), voice: "Ashley" };

  it("plays part 1, then part 2 when it ends, then counts the end of the last part", async () => {
    const t = setup({ maxChars: 30 });
    const streams = answerStreams(t);
    t.session.start(long);
    expect(t.state().part).toEqual({ index: 0, count: 3, firstWord: 0, words: 4, totalWords: 12 });
    await vi.waitFor(() => expect(streams).toHaveLength(1));
    expect(t.posts[0].body).toEqual({ text: paragraphs[0], voice: "Ashley" });
    await playStream(streams[0], [paragraphs[0]]);
    await vi.waitFor(() => expect(t.state().audio?.stream?.complete).toBe(true));

    t.session.ended();
    expect(t.state()).toMatchObject({ status: "loading", part: { index: 1, firstWord: 4 }, endings: 0 });
    await vi.waitFor(() => expect(streams).toHaveLength(2));
    expect(t.posts[1].body).toEqual({ text: paragraphs[1], voice: "Ashley" });
    await playStream(streams[1], [paragraphs[1]]);
    await vi.waitFor(() => expect(t.state().status).toBe("ready"));
    expect(t.state().audio?.cue).toEqual({ at: "top" });

    t.session.ended();
    await vi.waitFor(() => expect(streams).toHaveLength(3));
    await playStream(streams[2], [paragraphs[2]]);
    await vi.waitFor(() => expect(t.state().part?.index).toBe(2));
    await vi.waitFor(() => expect(t.state().status).toBe("ready"));
    t.session.ended();
    expect(t.state()).toMatchObject({ endings: 1, part: { index: 2 } });
    expect(streams).toHaveLength(3);
  });

  it("continues from a word in a later part: that part, from that word of it", async () => {
    const { t, streams } = await streaming(long, 9, { maxChars: 30 });
    expect(t.posts[0].body).toEqual({ text: paragraphs[2], voice: "Ashley" });
    await playStream(streams[0], [paragraphs[2]]);
    await vi.waitFor(() => expect(t.state().status).toBe("ready"));
    expect(t.state()).toMatchObject({ part: { index: 2, firstWord: 8 }, audio: { cue: { at: "word", word: 1 } } });
  });

  it("a voice switch stays in the part playing", async () => {
    const { t, streams } = await streaming(long, null, { maxChars: 30 });
    await playStream(streams[0], [paragraphs[0]]);
    await vi.waitFor(() => expect(t.state().audio?.stream?.complete).toBe(true));
    t.answer(() => singleResponse(paragraphs[0]));
    t.session.chooseVoice("Dennis");
    await vi.waitFor(() => expect(t.state().voice).toBe("Dennis"));
    expect(t.posts[1].body).toEqual({ text: paragraphs[0], voice: "Dennis" });
    expect(t.state().part?.index).toBe(0);
  });

  it("an article within the limit is one request with no parts", async () => {
    const t = setup({ maxChars: 1000 });
    answerStreams(t);
    t.session.start(long);
    expect(t.state().part).toBeNull();
    await vi.waitFor(() => expect(t.posts).toHaveLength(1));
    expect(t.posts[0].body).toEqual(long);
    t.session.ended();
    expect(t.state().endings).toBe(1);
  });
});
