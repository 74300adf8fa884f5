import localFont from "next/font/local";

// Self-hosted (no font CDN): many cheap phones lack a good Devanagari font. Latin text uses the system font.
export const devanagari = localFont({
  src: "../../node_modules/@fontsource-variable/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-wght-normal.woff2",
  variable: "--font-devanagari",
  display: "swap",
  weight: "100 900",
  preload: false,
});
