export { type App, type AppDependencies, buildApp } from "./app.js";
export { ConfigError, readConfig, type ServerConfig } from "./config.js";
export { type RunningServer, startServer } from "./server.js";
