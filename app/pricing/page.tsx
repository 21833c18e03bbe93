import type { Metadata } from "next";
import Link from "next/link";
import { upgradeDemo } from "@/components/auth/actions";
import { AccountChip } from "@/components/auth/account-chip";
import { demoAuthEnabled, getSession } from "@/components/auth/session";
import { LockIcon } from "@/components/ui/icons";
import { PlainPage } from "@/components/ui/plain-page";
import { FREE_DAILY_LIMIT } from "@/lib/free-tier";
import { safeReturnPath } from "@/client/navigation/return-path";
import { DEFAULT_LANGUAGE, VOICE_LANGUAGES, VOICE_PRESETS, voicesFor } from "@/lib/voices";
import "../plain-page.css";
import "./pricing.css";

export const metadata: Metadata = { title: "Pricing" };

interface PricingPageProps {
  searchParams: Promise<{ from?: string }>;
}

// English voices by name; the other languages by count.
const freeVoices = voicesFor(DEFAULT_LANGUAGE)
  .filter((v) => v.tier === "free")
  .map((v) => v.name);
const otherLanguages = VOICE_LANGUAGES.size - 1;

export default async function PricingPage({ searchParams }: PricingPageProps) {
  const from = safeReturnPath((await searchParams).from, "");
  const session = await getSession();
  const premium = session?.tier === "premium";
  return (
    <PlainPage slot="pricing-page" nav={<AccountChip returnTo="/pricing" />}>
      <header className="page__header">
        <h1 className="page__title">Listen to everything</h1>
        <p className="page__lede">Every article read aloud, each word lit as it is spoken. Start free; go Premium when you want more.</p>
      </header>
      <div className="plans">
        <section className="plan" aria-labelledby="plan-free" data-slot="plan-free">
          <h2 id="plan-free" className="plan__name">
            Free
          </h2>
          <p className="plan__price">
            $0 <span>forever</span>
          </p>
          <ul className="plan__features">
            <li>{FREE_DAILY_LIMIT} articles a day</li>
            <li>
              {freeVoices.length} English voices: {freeVoices.join(" and ")}, and a voice in each of {otherLanguages} more languages
            </li>
            <li>Word-by-word highlighting</li>
            <li>Replays of articles you have heard are free</li>
          </ul>
          {!session && (
            <Link href="/signin" className="outline-pill button">
              Sign in
            </Link>
          )}
        </section>
        <section className="plan plan--premium" aria-labelledby="plan-premium" data-slot="plan-premium">
          <h2 id="plan-premium" className="plan__name">
            Premium
          </h2>
          <p className="plan__price">
            $8 <span>a month</span>
          </p>
          <ul className="plan__features">
            <li>Unlimited articles</li>
            <li>
              All {VOICE_PRESETS.length} voices: American and British English, and {otherLanguages} more languages
            </li>
            <li>Your audio on every device</li>
            <li>Word-by-word highlighting</li>
          </ul>
          {premium ? (
            <p className="plan__current" data-slot="premium-active">
              You are on Premium. Enjoy every voice.
            </p>
          ) : demoAuthEnabled() ? (
            <form action={upgradeDemo}>
              <input type="hidden" name="from" value={from || "/pricing"} />
              <button type="submit" className="outline-pill button button--primary" data-slot="upgrade">
                Upgrade (demo)
              </button>
            </form>
          ) : (
            <p className="plan__current">
              <LockIcon width={14} height={14} /> Upgrades open soon.
            </p>
          )}
        </section>
      </div>
      <p className="page__footnote">{from ? <Link href={from}>← Back to the article</Link> : <Link href="/">← Back to the library</Link>}</p>
    </PlainPage>
  );
}
