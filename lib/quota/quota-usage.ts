// The daily quota is one idea wherever it appears: the API charges it (server/quota/daily-quota.ts), reports
// it in the X-TTS-Usage-Count / -Limit headers, the browser keeps today's record of it (quota-record.ts) and
// the banner shows it; readers see it as "credits" (the word on screen).

/** Articles charged today, out of the reader's daily limit. */
export interface QuotaUsage {
  count: number;
  limit: number;
}
