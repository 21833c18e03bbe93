import Link from "next/link";
import { XIcon } from "@/components/ui/icons";

interface CreditsBannerProps {
  remaining: number;
  pricingHref: string;
  onDismiss: () => void;
}

/** Spec: Control Layout, "Credits banner" — what a free reader has left today, and the way to more. */
export function CreditsBanner({ remaining, pricingHref, onDismiss }: CreditsBannerProps) {
  const text =
    remaining === 0 ? "No credits left today" : `${remaining} ${remaining === 1 ? "credit" : "credits"} remaining`;
  return (
    <div className="credits-banner" data-slot="credits-banner" data-remaining={remaining} role="status">
      <span className="credits-banner__text">{text}</span>
      <Link href={pricingHref} className="credits-banner__cta" data-slot="credits-subscribe">
        Subscribe now
      </Link>
      <button type="button" className="credits-banner__close" aria-label="Dismiss credits notice" onClick={onDismiss}>
        <XIcon width={14} height={14} />
      </button>
    </div>
  );
}
