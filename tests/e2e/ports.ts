// The ports the app under test listens on. `npm test` picks free ones; by hand, the defaults are used.
export const WEB_PORT = Number(process.env.E2E_WEB_PORT ?? 3100);
export const API_PORT = Number(process.env.E2E_API_PORT ?? 3101);
export const VOICE_PORT = Number(process.env.E2E_VOICE_PORT ?? 3102);

export const WEB_URL = `http://127.0.0.1:${WEB_PORT}`;
export const VOICE_URL = `http://127.0.0.1:${VOICE_PORT}`;
