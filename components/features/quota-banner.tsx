import Link from "next/link";
import { XIcon } from "@/components/ui/icons";
import "./quota-banner.css";

interface QuotaBannerProps {
  remaining: number;
  pricingHref: string;
  onDismiss: () => void;
}

/** The credits banner, the daily quota on screen: what a free reader has left today, and the way to more. */
export function QuotaBanner({ remaining, pricingHref, onDismiss }: QuotaBannerProps) {
  const text = remaining === 0 ? "No credits left today" : `${remaining} ${remaining === 1 ? "credit" : "credits"} remaining`;
  return (
    <div className="quota-banner" data-slot="quota-banner" data-remaining={remaining} role="status">
      <span className="quota-banner__text">{text}</span>
      <Link href={pricingHref} className="quota-banner__cta" data-slot="quota-subscribe">
        Subscribe now
      </Link>
      <button type="button" className="quota-banner__close" aria-label="Dismiss credits notice" onClick={onDismiss}>
        <XIcon width={14} height={14} />
      </button>
    </div>
  );
}
