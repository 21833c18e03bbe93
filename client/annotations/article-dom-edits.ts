import { createMutationLock, type MutationLockOptions } from "./mutation-lock";

// Two hooks change the article DOM: the TTS
// highlighter wraps words in spans, the reader's highlights add <mark>s. Each watches the DOM, so each must
// know about the other's changes. They meet here, in one object per article that both are handed, rather
// than through module state one of them exports.

type Editor = (edit: () => void) => void;

export interface ArticleDomEdits {
  /** a word-wrapping change is under way or recent enough that a debounced observer may still see it */
  isWrapping(): boolean;
  /** call before each wrap, re-wrap or unwrap */
  markWrapping(): void;
  /**
   * Changes the article DOM safely: while words are wrapped, the wrapper takes its spans out, the edit runs
   * on the article's own DOM, and the words are wrapped again (closing the player still restores it exactly).
   */
  edit(edit: () => void): void;
  /** the word wrapper installs itself while words are wrapped; the returned function uninstalls it */
  installEditor(editor: Editor): () => void;
}

export function createArticleDomEdits(lock: MutationLockOptions = { holdMs: 250 }): ArticleDomEdits {
  // 250 ms outlasts the highlights observer's 150 ms debounce.
  const wrapping = createMutationLock(lock);
  let editor: Editor | null = null;
  return {
    isWrapping: () => wrapping.isHeld(),
    markWrapping: () => wrapping.hold(),
    edit(edit) {
      if (editor) editor(edit);
      else edit();
    },
    installEditor(next) {
      editor = next;
      return () => {
        if (editor === next) editor = null;
      };
    },
  };
}
