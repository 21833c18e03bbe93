import Link from "next/link";
import { SparkleIcon } from "@/components/ui/icons";
import "@/components/ui/pill-button.css";
import "./tts-upgrade-notice.css";

interface TTSUpgradeNoticeProps {
  kind: "daily-limit" | "premium-voice";
  limit: number | null;
  pricingHref: string;
  onClose: () => void;
}

/** Instead of a failed player: why there is no audio, and the way to get it. */
export function TTSUpgradeNotice({ kind, limit, pricingHref, onClose }: TTSUpgradeNoticeProps) {
  const daily = kind === "daily-limit";
  return (
    <div className="upgrade-notice" data-slot={daily ? "tts-limit" : "tts-premium-voice"} role="alert">
      <span className="upgrade-notice__icon" aria-hidden="true">
        <SparkleIcon width={20} height={20} />
      </span>
      <div className="upgrade-notice__text">
        <p className="upgrade-notice__title">
          {daily ? `You've listened to ${limit ?? "all your"} free articles today` : "That voice comes with Premium"}
        </p>
        <p className="upgrade-notice__body">
          {daily
            ? "Premium listens without limits, in all 10 voices. Or come back tomorrow — free credits renew at midnight UTC, and articles you've heard replay for free."
            : "Free accounts read with Ashley and Dennis. Premium unlocks all 10 voices."}
        </p>
        <div className="upgrade-notice__actions">
          <Link href={pricingHref} className="pill-button pill-button--accent" data-slot="upgrade-link">
            Upgrade to Premium
          </Link>
          <button type="button" className="pill-button pill-button--ghost" onClick={onClose}>
            Not now
          </button>
        </div>
      </div>
    </div>
  );
}
