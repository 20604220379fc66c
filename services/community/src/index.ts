// The application core: writes through one protocol, the personal-data vault, the read model.
// No HTTP here: the API (services/api) and the command line are built on `openCommunities`.
export * from "./analytics/analytics-budget.js";
export * from "./analytics/analytics-pool.js";
export * from "./analytics/group-sizes.js";
export * from "./errors.js";
export * from "./open-communities.js";
export * from "./personal/personal-data.js";
export * from "./personal/personal-vault.js";
export * from "./read/community-histories.js";
export * from "./read/community-reader.js";
export * from "./read/deadline.js";
export * from "./read/export-community.js";
export * from "./read/graph-body.js";
export * from "./read/logged-event.js";
export * from "./read/read-model-checkpoint.js";
export * from "./read/resolve-query.js";
export * from "./stream/community-stream.js";
export * from "./write/append-history.js";
export * from "./write/community-log.js";
export * from "./write/community-writer.js";
export * from "./write/history-transaction.js";
export * from "./write/idempotency-key.js";
export * from "./write/seed-demo.js";
export * from "./write/slice-pipeline.js";
