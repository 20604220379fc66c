export * from "./community.js";
export * from "./event-log.js";
export * from "./problem.js";
export * from "./requests.js";
export * from "./write.js";
