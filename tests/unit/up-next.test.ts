import { describe, expect, it } from "vitest";
import { dequeue, enqueue, heardLabel, MAX_QUEUED, nextInQueue, parseHeard, parseQueue, withHeard } from "@/client/library/up-next";

const a = { id: "the-lamplighters-round", title: "A" };
const b = { id: "AAAAAAAAAAAAAAAAAAAAAA", title: "B" };
const c = { id: "a-year-on-foot", title: "C" };

describe("the up-next queue", () => {
  it("plays in the order queued; queueing again moves an article to the end", () => {
    expect(enqueue(enqueue(enqueue([], a), b), a)).toEqual([b, a]);
  });

  it("skips the article playing now", () => {
    expect(nextInQueue([a, b], a.id)).toEqual(b);
    expect(nextInQueue([a, b], c.id)).toEqual(a);
    expect(nextInQueue([a], a.id)).toBeNull();
    expect(dequeue([a, b], a.id)).toEqual([b]);
  });

  it("is bounded, and drops what is not a queued article", () => {
    let queue = [a];
    for (let i = 0; i < MAX_QUEUED + 10; i++) queue = enqueue(queue, { id: `article-${i}`, title: String(i) });
    expect(queue).toHaveLength(MAX_QUEUED);
    expect(queue.at(-1)!.id).toBe(`article-${MAX_QUEUED + 9}`);
    expect(parseQueue([a, { id: "../x", title: "bad" }, { id: c.id }, null, "x", b])).toEqual([a, b]);
    expect(parseQueue("nope")).toEqual([]);
  });
});

describe("how much was heard", () => {
  it("never goes down, and says Finished near the end", () => {
    let heard = withHeard({}, a.id, 0.4);
    heard = withHeard(heard, a.id, 0.1);
    expect(heard[a.id]).toBe(0.4);
    expect(heardLabel(heard[a.id])).toBe("Heard 40%");
    expect(heardLabel(withHeard(heard, a.id, 0.99)[a.id])).toBe("Finished");
    expect(heardLabel(undefined)).toBeNull();
    expect(heardLabel(0)).toBeNull();
  });

  it("drops what is not a fraction by a valid id", () => {
    expect(parseHeard({ [a.id]: 0.5, "../x": 0.5, [b.id]: 2, [c.id]: "1" })).toEqual({ [a.id]: 0.5 });
    expect(parseHeard([0.5])).toEqual({});
  });
});
