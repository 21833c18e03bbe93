import type { Metadata } from "next";
import Link from "next/link";
import { getSession } from "@/components/auth/session";
import { ImportBox } from "@/components/library/import-box";
import { HeadphonesIcon } from "@/components/ui/icons";
import { sharedInput } from "@/client/library/shared-input";
import "../library.css";

export const metadata: Metadata = { title: "Open a shared article" };

interface SharePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// The manifest's share_target and the bookmarklet land here (GET /share?title=&text=&url=): what was shared is
// imported at once and opened, ready to Listen; an error says what happened and keeps it in the box.
export default async function SharePage({ searchParams }: SharePageProps) {
  const params = await searchParams;
  const shared = sharedInput({ title: one(params.title), text: one(params.text), url: one(params.url) });
  const signedIn = (await getSession()) !== null;
  return (
    <main className="library" data-slot="share-page">
      <header className="library__header">
        <div className="library__bar">
          <Link href="/" className="brand">
            <HeadphonesIcon /> Listen
          </Link>
        </div>
        <h1>{shared ? "Shared with Listen" : "Nothing was shared"}</h1>
      </header>
      <ImportBox signedIn={signedIn} shared={shared || undefined} />
    </main>
  );
}
