export { type AccessOptions, DEFAULT_MIN_GROUP_SIZE } from "./access/access-plugin.js";
export { ACCESS_FILE, AccessKeyStore, type ApiKey } from "./access/key-store.js";
export { type Role, roles } from "./access/roles.js";
export { type App, type AppDependencies, buildApp } from "./app.js";
export { readConfig, type ServerConfig } from "./config.js";
export { type RunningServer, startServer } from "./server.js";
export { SettingsError } from "./settings/settings-error.js";
