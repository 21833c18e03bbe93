import type { NextConfig } from "next";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lets two checkouts' worth of work (say, a benchmark and a test run) build side by side without
  // overwriting each other's output; `npm start` reads the same variable.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default config;
