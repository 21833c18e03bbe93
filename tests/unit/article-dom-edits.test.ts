import { expect, test } from "vitest";
import { createArticleDomEdits } from "@/client/annotations/article-dom-edits";

function manualTimers() {
  const pending: Array<() => void> = [];
  return { schedule: (run: () => void) => void pending.push(run), runAll: () => pending.splice(0).forEach((run) => run()) };
}

test("an edit runs directly while no word wrapper is installed", () => {
  const edits = createArticleDomEdits();
  const order: string[] = [];
  edits.edit(() => order.push("edit"));
  expect(order).toEqual(["edit"]);
});

test("an edit goes through the installed wrapper, and straight through again once it is uninstalled", () => {
  const edits = createArticleDomEdits();
  const order: string[] = [];
  const uninstall = edits.installEditor((edit) => {
    order.push("unwrap");
    edit();
    order.push("wrap");
  });
  edits.edit(() => order.push("edit"));
  uninstall();
  edits.edit(() => order.push("after"));
  expect(order).toEqual(["unwrap", "edit", "wrap", "after"]);
});

test("a stale uninstall does not remove the wrapper installed after it (a re-render's effect order)", () => {
  const edits = createArticleDomEdits();
  const order: string[] = [];
  const uninstallOld = edits.installEditor((edit) => (order.push("old"), edit()));
  edits.installEditor((edit) => (order.push("new"), edit()));
  uninstallOld();
  edits.edit(() => order.push("edit"));
  expect(order).toEqual(["new", "edit"]);
});

test("wrapping is visible to the other observer until its hold expires", () => {
  const timers = manualTimers();
  const edits = createArticleDomEdits({ holdMs: 250, schedule: timers.schedule });
  expect(edits.isWrapping()).toBe(false);
  edits.markWrapping();
  expect(edits.isWrapping()).toBe(true);
  timers.runAll();
  expect(edits.isWrapping()).toBe(false);
});

test("two articles' edits are independent: one page's wrapping never silences another's highlights", () => {
  const a = createArticleDomEdits();
  const b = createArticleDomEdits();
  a.markWrapping();
  expect(b.isWrapping()).toBe(false);
});
