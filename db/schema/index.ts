export * from "./enums";
export * from "./users";
export * from "./organisations";
export * from "./consultations";
export * from "./comments";
export * from "./endorsements";
export * from "./moderation";
export * from "./rate-limits";
