import Link from "next/link";
import { getSession } from "./session";
import "./account-chip.css";

/** The header's "who am I": the tier and a way to sign in or out. */
export async function AccountChip({ returnTo }: { returnTo?: string }) {
  const session = await getSession();
  const query = returnTo ? `?from=${encodeURIComponent(returnTo)}` : "";
  if (!session) {
    return (
      <Link href={`/signin${query}`} className="outline-pill account-chip" data-slot="account-chip" data-tier="anonymous">
        Sign in
      </Link>
    );
  }
  return (
    <Link
      href={`/signin${query}`}
      className="outline-pill account-chip"
      data-slot="account-chip"
      data-tier={session.tier}
      aria-label={`Signed in, ${session.tier === "premium" ? "Premium" : "Free"} plan. Manage account`}
    >
      <span className="account-chip__dot" aria-hidden="true" />
      {session.tier === "premium" ? "Premium" : "Free plan"}
    </Link>
  );
}
