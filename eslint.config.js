import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

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
    // lib/ is shared by server and browser: it must not pull in a framework (STYLE.md, convention 1).
    files: ["lib/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["elysia", "next", "next/*", "react", "react-dom", "ioredis", "pino", "bun"] }],
    },
  },
  {
    // client/ is the browser's own logic (the listening session): plain objects over ports, no framework, so it
    // is tested without one.
    files: ["client/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["next", "next/*", "react", "react-dom", "@/components/*", "@/server/*"] }],
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
