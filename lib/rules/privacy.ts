/** The privacy notice a participant consents to at sign-up. Bump when the notice's substance changes. */
export const PRIVACY_NOTICE_VERSION = "2026-11-23";
