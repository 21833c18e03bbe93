import type { NextConfig } from "next";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The API is a separate process (Elysia on Bun); the app only proxies to it.
  serverExternalPackages: [],
};

export default config;
