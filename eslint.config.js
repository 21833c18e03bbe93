import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import { builtinModules } from "node:module";

// Globals only a browser defines (the DOM, storage, media), and globals only Node defines: neither may be used as a
// value in lib/, which both sides run. A DOM type in a signature is fine: lib/dom/extract-text.ts walks the browser's
// DOM and, on the API, linkedom's.
const browserOnlyGlobals = [
  "window",
  "document",
  "navigator",
  "location",
  "history",
  "localStorage",
  "sessionStorage",
  "indexedDB",
  "IDBKeyRange",
  "caches",
  "HTMLElement",
  "Element",
  "Node",
  "NodeFilter",
  "Text",
  "Range",
  "Selection",
  "getSelection",
  "getComputedStyle",
  "matchMedia",
  "requestAnimationFrame",
  "cancelAnimationFrame",
  "MutationObserver",
  "IntersectionObserver",
  "ResizeObserver",
  "MediaSource",
  "ManagedMediaSource",
  "SourceBuffer",
  "Audio",
  "Image",
  "customElements",
];
const nodeOnlyGlobals = ["process", "Buffer", "require", "module", "__dirname", "__filename", "global", "setImmediate"];

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", ".next-*/", "next-env.d.ts", "test-results/", "playwright-report/", ".tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // lib/ is what the API (Bun) and the web app (browser and Next.js) both run (docs/architecture.md, "Where code
    // lives"): no framework, no Node built-in, no global only a browser or only Node defines, and nothing from
    // either side's own folders. Code one side alone runs lives with that side: client/, web/, server/.
    files: ["lib/**/*.{ts,mts,mjs}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: builtinModules.map((name) => ({ name, message: "lib/ runs in the browser too: a Node built-in belongs in server/ or web/." })),
          patterns: [
            { group: ["elysia", "next", "next/*", "react", "react-dom", "ioredis", "pino", "bun"], message: "lib/ is framework-free." },
            { group: ["node:*"], message: "lib/ runs in the browser too: a Node built-in belongs in server/ or web/." },
            { regex: "^(@/|(\\.\\./)+)(client|components|app|web|server|scripts)/", message: "lib/ imports only lib/." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...browserOnlyGlobals.map((name) => ({ name, message: "lib/ runs on the API too: browser-only code belongs in client/." })),
        ...nodeOnlyGlobals.map((name) => ({ name, message: "lib/ runs in the browser too: Node-only code belongs in server/ or web/." })),
      ],
    },
  },
  {
    // client/ is the web app's own logic (the listening session, the browser's caches, highlighting …): plain objects
    // over ports, no framework, so it is tested without one; never the API's code nor the web server's.
    files: ["client/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["next", "next/*", "react", "react-dom", "@/components/*", "@/server/*", "@/web/*"] }],
    },
  },
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        fetch: "readonly",
        AbortSignal: "readonly",
        TextEncoder: "readonly",
      },
    },
  },
  {
    // The service worker runs in the browser's worker scope.
    files: ["public/sw.js"],
    languageOptions: { globals: { self: "readonly", caches: "readonly", Request: "readonly", Response: "readonly" } },
  },
);
