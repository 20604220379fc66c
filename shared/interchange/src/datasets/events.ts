// A data set's network → a community's events: members joined at one date with the data set's
// attributes as custom attributes, and one InteractionRecorded per tie (topics name the relation).
import {
  ATTRIBUTE_KEY_PATTERN,
  type CommunityEvent,
  type InteractionKind,
  isMutualKind,
  parseEvent,
  reservedAttributeKeys,
} from "@copgraph/domain";
import type { DatasetInfo } from "./catalog.js";
import type { DatasetNetwork, DatasetTie } from "./network.js";

export interface NetworkEventOptions {
  readonly communityId: string;
  /** Valid time of every event (ISO 8601 with offset or Z): members join, ties happen, at this date. */
  readonly occurredAt: string;
  /** Interaction kind per relation name; the catalogue's kind for the others. */
  readonly kinds?: Readonly<Record<string, InteractionKind>>;
  /** Start with CommunityRegistered (default true); false when the community exists already. */
  readonly register?: boolean;
}

export function networkEvents(
  info: DatasetInfo,
  network: DatasetNetwork,
  options: NetworkEventOptions,
): CommunityEvent[] {
  const { communityId, occurredAt } = options;
  const known = new Set(info.relations.map((relation) => relation.name));
  for (const name of Object.keys(options.kinds ?? {})) {
    if (!known.has(name))
      throw new RangeError(`${info.name} has no relation '${name}'; it has ${[...known].join(", ")}`);
  }
  const events: unknown[] = [];
  if (options.register !== false) {
    events.push({
      type: "CommunityRegistered",
      data: {
        communityId,
        name: info.title,
        concern: `Imported data set: ${info.title}`,
        description: info.citation,
        occurredAt,
      },
    });
  }
  for (const member of network.members) {
    const attributes = Object.fromEntries(
      Object.entries(member.attributes).map(([key, value]) => [attributeKey(key), value]),
    );
    events.push({
      type: "MemberJoined",
      data: {
        memberId: member.id,
        displayName: member.name,
        sector: "other",
        occupationalLayer: member.occupationalLayer ?? "other",
        ...(Object.keys(attributes).length > 0 && { attributes }),
        occurredAt,
      },
    });
  }
  for (const relation of network.relations) {
    const kind = options.kinds?.[relation.name] ?? info.relations.find((r) => r.name === relation.name)?.kind;
    if (!kind) throw new Error(`${info.name}: relation '${relation.name}' is not in the catalogue`);
    // Undirected data with a directed kind: one interaction per direction, so the tie stays symmetric.
    const bothWays = !relation.directed && !isMutualKind(kind);
    for (const tie of relation.ties) {
      events.push(interaction(relation.name, kind, tie, occurredAt));
      if (bothWays) events.push(interaction(relation.name, kind, { ...tie, from: tie.to, to: tie.from }, occurredAt));
    }
  }
  // Checked here so a caller never gets an event the API would refuse (a bad date, an odd id).
  return events.map((event, index) => {
    const result = parseEvent(event);
    if (!result.ok) {
      const issue = result.issues[0]!;
      throw new Error(`${info.name}: event ${index} is invalid at ${issue.path.join(".")}: ${issue.message}`);
    }
    return result.event;
  });
}

function interaction(relation: string, kind: InteractionKind, tie: DatasetTie, occurredAt: string) {
  return {
    type: "InteractionRecorded",
    data: {
      interactionId: `${relation}.${tie.from}.${tie.to}`,
      kind,
      from: tie.from,
      to: [tie.to],
      occurredAt,
      topics: [relation],
      ...(tie.weight !== undefined && { weight: tie.weight }),
    },
  };
}

const reserved: ReadonlySet<string> = new Set(reservedAttributeKeys);

/** A data set's attribute name as a valid custom attribute key: invalid characters become `_`. */
export function attributeKey(name: string): string {
  let key = name.trim().replace(/[^A-Za-z0-9_.]/g, "_");
  if (!/^[A-Za-z]/.test(key)) key = `a${key}`;
  key = key.slice(0, 64);
  if (reserved.has(key)) key = `${key.slice(0, 60)}_ds`;
  if (!ATTRIBUTE_KEY_PATTERN.test(key)) throw new Error(`cannot make an attribute key of '${name}'`);
  return key;
}
