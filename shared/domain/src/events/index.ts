export * from "./community-event.js";
export * from "./community-registered.js";
export * from "./erasure-subjects.js";
export {
  ATTRIBUTE_KEY_PATTERN,
  AttributeChanges,
  AttributeKey,
  Attributes,
  AttributeValue,
  COMMUNITY_ID_PATTERN,
  CommunityId,
  EntityId,
  ID_PATTERN,
  MAX_ATTRIBUTE_VALUE_LENGTH,
  MAX_ATTRIBUTES,
  MAX_NAME_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_TOPIC_LENGTH,
  MAX_TOPICS,
  OccurredAt,
  reservedAttributeKeys,
} from "./fields.js";
export * from "./gathering-held.js";
export * from "./interaction-recorded.js";
export * from "./member-erased.js";
export * from "./member-joined.js";
export * from "./member-left.js";
export * from "./member-profile-changed.js";
export * from "./metadata.js";
export * from "./parse.js";
export * from "./personal-data.js";
export * from "./personal-data-split.js";
export * from "./record-retracted.js";
