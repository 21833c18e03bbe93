import type { Metadata } from "next";
import Link from "next/link";
import { signInDemo, signOut } from "@/components/auth/actions";
import { demoAuthEnabled, getSession } from "@/components/auth/session";
import { PlainPage } from "@/components/ui/plain-page";
import { safeReturnPath } from "@/client/navigation/return-path";
import "../plain-page.css";
import "./signin.css";

export const metadata: Metadata = { title: "Sign in" };

interface SignInPageProps {
  searchParams: Promise<{ from?: string }>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const from = safeReturnPath((await searchParams).from, "/");
  const session = await getSession();
  const demo = demoAuthEnabled();
  return (
    <PlainPage slot="signin-page" narrow>
      <h1 className="page__title">{session ? "Your account" : "Sign in"}</h1>
      {session && (
        <section className="panel" data-slot="signed-in">
          <p>
            Signed in as a <strong>{session.tier === "premium" ? "Premium" : "Free"}</strong> reader
            <span className="panel__muted"> · {session.sub}</span>
          </p>
          <div className="panel__actions">
            {session.tier === "free" && (
              <Link href="/pricing" className="outline-pill button button--primary">
                See Premium
              </Link>
            )}
            <form action={signOut}>
              <input type="hidden" name="from" value="/signin" />
              <button type="submit" className="outline-pill button" data-slot="sign-out">
                Sign out
              </button>
            </form>
          </div>
        </section>
      )}
      {demo ? (
        <section className="panel" aria-labelledby="demo-heading">
          <h2 id="demo-heading" className="panel__heading">
            {session ? "Switch to another demo account" : "Try it with a demo account"}
          </h2>
          <p className="panel__muted">No password: this server runs with DEMO_AUTH=1, so either account is one click away.</p>
          <div className="plan-choices">
            <form action={signInDemo}>
              <input type="hidden" name="tier" value="free" />
              <input type="hidden" name="from" value={from} />
              <button type="submit" className="plan-choice" data-slot="demo-free">
                <span className="plan-choice__name">Free reader</span>
                <span className="plan-choice__detail">3 articles a day · Ashley and Dennis</span>
              </button>
            </form>
            <form action={signInDemo}>
              <input type="hidden" name="tier" value="premium" />
              <input type="hidden" name="from" value={from} />
              <button type="submit" className="plan-choice plan-choice--premium" data-slot="demo-premium">
                <span className="plan-choice__name">Premium reader</span>
                <span className="plan-choice__detail">Unlimited · all 10 voices</span>
              </button>
            </form>
          </div>
        </section>
      ) : (
        !session && <p className="panel__muted">Sign-in is not configured on this server.</p>
      )}
    </PlainPage>
  );
}
