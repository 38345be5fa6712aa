export * from "./auth";
export * from "./organisation";
export * from "./rules";
export * from "./cases";
export * from "./platform";
export * from "./figures";
export * from "./dialogue";
export * from "./reception";
