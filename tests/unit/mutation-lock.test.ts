import { expect, test } from "vitest";
import { createMutationLock } from "@/client/annotations/mutation-lock";

function manualTimers() {
  const pending: Array<() => void> = [];
  return { schedule: (run: () => void) => void pending.push(run), runNext: () => pending.shift()?.(), pending };
}

test("is held from hold() until its timer fires", () => {
  const timers = manualTimers();
  const lock = createMutationLock({ holdMs: 250, schedule: timers.schedule });
  expect(lock.isHeld()).toBe(false);
  lock.hold();
  expect(lock.isHeld()).toBe(true);
  timers.runNext();
  expect(lock.isHeld()).toBe(false);
});

test("overlapping holds keep it held until the last one expires", () => {
  const timers = manualTimers();
  const lock = createMutationLock({ holdMs: 250, schedule: timers.schedule });
  lock.hold();
  lock.hold();
  timers.runNext();
  expect(lock.isHeld()).toBe(true);
  timers.runNext();
  expect(lock.isHeld()).toBe(false);
});

test("timers from before a reset do not release holds taken after it", () => {
  const timers = manualTimers();
  const lock = createMutationLock({ holdMs: 250, schedule: timers.schedule });
  lock.hold();
  lock.reset();
  lock.hold();
  timers.runNext();
  expect(lock.holds).toBe(1);
  timers.runNext();
  expect(lock.holds).toBe(0);
});

test.each([0, -5, Number.NaN])("refuses holdMs %s", (holdMs) => {
  expect(() => createMutationLock({ holdMs })).toThrow(/holdMs/);
});
