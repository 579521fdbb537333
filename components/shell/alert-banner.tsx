import { getAlertBanner } from "@/lib/alerts/banner";
import { AlertBannerLive } from "./alert-banner-live";

/** The banner's first state comes with the page; AlertBannerLive keeps it current. */
export async function AlertBanner() {
  return <AlertBannerLive initial={await getAlertBanner()} />;
}
