/** The header proxy.ts sets to the requested path and query, so a guard can send a visitor back after signing in. */
export const RETURN_TO_HEADER = "x-samvad-return-to";
