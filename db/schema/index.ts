export * from "./enums";
export * from "./users";
export * from "./organisations";
export * from "./consultations";
export * from "./rate-limits";
