import type { CommunityHistory, GraphQuery } from "@copgraph/analytics";
import { CommunityParams, MemberList, type MemberListEntry } from "@copgraph/contract";
import type { PersonalValues } from "@copgraph/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { pseudonymousViewFor } from "../access/audience.js";
import { routeAccess } from "../access/route-configs.js";
import { problemResponses, type RouteContext } from "./context.js";

export const memberListRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { reader, personal }) => {
  app.get(
    "/v1/communities/:id/members",
    {
      // A list of names is a read of personal data, recorded like a member view.
      config: { ...routeAccess.members, audit: { action: "read" } },
      schema: {
        tags: ["analytics"],
        summary: "Who is who: every member's id, status and current profile, with names for callers who may see them",
        description:
          "Admins and facilitators get each member's name and organisation (from the personal-data vault; none once erased); researchers get pseudonyms and no names; agencies are refused. Statuses are as of now, everything recorded known.",
        params: CommunityParams,
        response: { 200: MemberList, ...problemResponses(404, 429, 503) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const view = await reader.view(id, {});
      const entries = memberEntries(view.history, view.graphQuery);
      const about = { communityId: view.communityId, at: view.resolved.at, revision: view.resolved.revision };
      const pseudonyms = pseudonymousViewFor(request, view.history);
      if (pseudonyms) {
        // A researcher never reaches the vault; the list is in the order of the pseudonyms.
        const hidden = pseudonyms.apply({ ...about, members: entries });
        return { ...hidden, members: hidden.members.sort(byId) };
      }
      const members = entries.map((entry) =>
        entry.status === "erased" ? entry : withName(entry, personal.profileOf(id, entry.id)),
      );
      return { ...about, members };
    },
  );
};

/**
 * Every member who joined by `at` (as known at `knownAt`), with their profile at `at` and whether
 * they are still a member. Pure: no names (the history holds none), so only a personal field of an
 * old log (organisation), which the researcher's view removes like every personal field.
 */
export function memberEntries(history: CommunityHistory, { at, knownAt }: GraphQuery): MemberListEntry[] {
  const entries: MemberListEntry[] = [];
  for (const timeline of history.members()) {
    const join = timeline.joins[timeline.joinKnownAt(knownAt)];
    if (join === undefined || join.occurredAt > at) continue;
    const left = timeline.leaves
      .filter((leave) => leave.occurredAt <= at && leave.recordedAt <= knownAt)
      .sort((a, b) => a.occurredAt - b.occurredAt)[0];
    // The timeline keeps an organisation only from logs older than the vault (ADR 0003): not an attribute.
    const { organisation, ...attributes } = timeline.profileAt(join, at, knownAt);
    entries.push({
      id: timeline.memberId,
      ...(typeof organisation === "string" && { organisation }),
      attributes: attributes as Record<string, string>,
      status: timeline.erased ? "erased" : left ? "left" : "active",
      joinedAt: new Date(join.occurredAt).toISOString(),
      ...(left && { leftAt: new Date(left.occurredAt).toISOString() }),
    });
  }
  return entries.sort(byId);
}

function withName(entry: MemberListEntry, profile: PersonalValues): MemberListEntry {
  const { displayName, organisation } = profile;
  return {
    ...entry,
    ...(typeof displayName === "string" && { displayName }),
    ...(typeof organisation === "string" && { organisation }),
  };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
