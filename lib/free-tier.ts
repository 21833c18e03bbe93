// What free and anonymous readers get: this many articles a day, counted by the API's
// daily quota (TTS_DAILY_FREE_LIMIT overrides it there) and shown by the browser's credit record. Their two
// voices are marked in lib/voices.ts.
export const FREE_DAILY_LIMIT = 3;
