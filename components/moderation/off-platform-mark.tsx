import { getTranslations } from "next-intl/server";

/**
 * "Received off-platform": the submission came by post, email or at a meeting and has no account behind it, so
 * moderators see why it offers no block and no notification reaches its sender.
 */
export async function OffPlatformMark() {
  const t = await getTranslations("offPlatform");
  return (
    <span className="ml-2 inline-block rounded border border-slate-500 px-2 text-sm font-normal" data-testid="off-platform-mark">
      {t("mark")}
    </span>
  );
}
