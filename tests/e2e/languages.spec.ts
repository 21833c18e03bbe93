import { splitWords } from "../../lib/text/split-words";
import { startImportSite, type ImportSite } from "../support/import-site";
import { expect, test } from "./fixtures";
import { isTtsRequest, spokenCharacters } from "./tts-response";

// Articles in other languages, imported from the library by pasting their link: the reader names the language,
// asks for it in a voice that speaks it, wraps exactly the words the voice says (Chinese word by word, with no
// spaces to go by) and lights them as they are spoken. The pages are ours (tests/fixtures/import), on 127.0.0.1.

let site: ImportSite;
test.beforeAll(async () => {
  site = await startImportSite();
});
test.afterAll(async () => {
  await site.close();
});

const LANGUAGES = [
  { page: "french.html", lang: "fr", name: "French", voice: "Hélène", dir: "ltr" },
  { page: "arabic.html", lang: "ar", name: "Arabic", voice: "Nour", dir: "rtl" },
  { page: "chinese.html", lang: "zh", name: "Chinese", voice: "Xiaoyin", dir: "ltr" },
] as const;

for (const { page: fixture, lang, name, voice, dir } of LANGUAGES) {
  test(`the ${name} article is read in a ${name} voice, its words wrapped and lit one to one`, async ({ page, reader, library }) => {
    await library.goto();
    const id = await library.expectOpened(await library.paste(`${site.origin}/${fixture}`));

    const article = page.locator("main.reader > article");
    await expect(article).toHaveAttribute("lang", lang);
    await expect(article).toHaveAttribute("dir", dir);
    const meta = page.locator('[data-slot="article-meta"]');
    await expect(meta.locator('[data-slot="article-language"]')).toHaveText(name);
    // The meta line reads left to right in its own order, whatever the article's direction.
    await expect(meta).toHaveAttribute("dir", "ltr");
    await expect(meta).toHaveText(new RegExp(`^${name} · .+ · \\d+ min listen$`));

    const request = page.waitForRequest(isTtsRequest);
    await reader.listen();
    const asked = await request;
    expect(JSON.parse(asked.postData() ?? "{}")).toMatchObject({ lang, voice });

    const spoken = splitWords((await spokenCharacters(asked)).join(""), lang).map((w) => w.text);
    const stored = (await (await page.request.get(`/api/articles/${id}`)).json()) as { words: number };
    expect(spoken.length).toBe(stored.words);
    const wrapped = await reader.wrappedWords();
    expect(wrapped).toEqual(spoken);
    if (lang === "zh") expect(spoken.length).toBeGreaterThan(60); // three paragraphs with no spaces in them

    // The light moves on word by word with the voice, and the lit word is the word the voice is at.
    const first = await reader.state();
    await reader.waitForAudioTime(first.time + 2);
    const later = await reader.state();
    expect(later.current).toBeGreaterThan(first.current);
    expect(later.spoken).toBe(later.current);
    const lit = await reader.article.evaluate((root) => {
      const current = root.querySelector<HTMLElement>(".tts-current");
      const idx = current?.dataset.ttsIdx ?? "-1";
      return { idx: Number(idx), text: [...root.querySelectorAll(`[data-tts-idx="${idx}"]`)].map((s) => s.textContent).join("") };
    });
    expect(lit.idx).toBeGreaterThanOrEqual(later.current);
    expect(lit.text).toBe(spoken[lit.idx]);
  });
}

test("an article in a language no voice speaks still renders, and says so plainly", async ({ page, library }) => {
  await library.goto();
  // Thai: a script franc cannot mistake, in a language none of the voices speaks.
  const thai = [
    "ห้องสมุดเปิดถึงค่ำ",
    "ห้องสมุดประจำเมืองจะเปิดให้บริการทุกวันจนถึงสี่ทุ่ม หลังจากนักเรียนและคนทำงานขอสถานที่เงียบๆ สำหรับอ่านหนังสือหลังเลิกงาน",
    "อาสาสมัครจะช่วยเด็กๆ ทำการบ้านสัปดาห์ละสามครั้ง และทุกสิ้นเดือนจะมีการอ่านบทกวีของกวีในเมือง",
  ].join("\n\n");
  await library.expectOpened(await library.paste(thai));
  await expect(page.locator("main.reader > article")).toHaveAttribute("lang", "th");
  await expect(page.locator('[data-slot="language-unsupported"]')).toHaveText("Listen can't read Thai yet.");
  await expect(page.locator(".reader__header h1")).toHaveText("ห้องสมุดเปิดถึงค่ำ");
});
