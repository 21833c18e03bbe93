import { VOICE_URL } from "./ports";

/** Steers the local voice server (LOCAL_VOICE_CONTROL=1) that stands in for Inworld. */
export async function controlVoice(settings: Record<string, unknown>) {
  const res = await fetch(`${VOICE_URL}/__control`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(settings),
  });
  if (!res.ok) throw new Error(`voice control answered ${res.status}`);
}

export async function resetVoice() {
  await fetch(`${VOICE_URL}/__reset`, { method: "POST" });
}
