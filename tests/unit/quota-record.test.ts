import { expect, test } from "vitest";
import { FREE_DAILY_LIMIT } from "@/lib/free-tier";
import { dismiss, emptyRecord, readRecord, recordUsage, remainingToday } from "@/client/quota/quota-record";
import { utcDay } from "@/lib/time/utc-day";

const DAY = "2025-03-14";

test("a fresh reader has the whole free allowance", () => {
  expect(remainingToday(readRecord(null, DAY))).toBe(FREE_DAILY_LIMIT);
});

test("counts down as the server counts articles", () => {
  let record = readRecord(null, DAY);
  record = recordUsage(record, { count: 1, limit: 3 }, "a");
  expect(remainingToday(record)).toBe(2);
  record = recordUsage(record, { count: 2, limit: 3 }, "b");
  record = recordUsage(record, { count: 3, limit: 3 }, "c");
  expect(remainingToday(record)).toBe(0);
});

test("the same article twice is one credit", () => {
  let record = recordUsage(emptyRecord(DAY), { count: 1, limit: 3 }, "a");
  record = recordUsage(record, { count: 1, limit: 3 }, "a");
  expect(record.articles).toEqual(["a"]);
  expect(remainingToday(record)).toBe(2);
});

test("today's articles count even when the server's count is older", () => {
  const record = { ...emptyRecord(DAY), articles: ["a", "b"], count: 1 };
  expect(remainingToday(record)).toBe(1);
});

test("a record from another day or of the wrong shape starts afresh", () => {
  const yesterday = recordUsage(emptyRecord("2025-03-13"), { count: 3, limit: 3 }, "a");
  expect(readRecord(yesterday, DAY)).toEqual(emptyRecord(DAY));
  expect(readRecord({ day: DAY, articles: "nope", count: 1, limit: 3 }, DAY)).toEqual(emptyRecord(DAY));
  expect(readRecord({ day: DAY, articles: [], count: -1, limit: 3 }, DAY)).toEqual(emptyRecord(DAY));
});

test("round-trips through JSON", () => {
  const record = recordUsage(emptyRecord(DAY), { count: 2, limit: 3 }, "a");
  expect(readRecord(JSON.parse(JSON.stringify(record)), DAY)).toEqual(record);
});

test("a dismissed banner stays closed until the count changes", () => {
  let record = dismiss(recordUsage(emptyRecord(DAY), { count: 1, limit: 3 }, "a"));
  record = recordUsage(record, { count: 1, limit: 3 }, "a");
  expect(record.dismissed).toBe(true);
  record = recordUsage(record, { count: 2, limit: 3 }, "b");
  expect(record.dismissed).toBe(false);
});

test("days are UTC days", () => {
  expect(utcDay(new Date("2025-03-14T23:30:00-05:00"))).toBe("2025-03-15");
});
