import { describe, expect, it } from "vitest";
import {
  CATALOGUE_VERSION,
  catalogues,
  interactionKinds,
  isMutualKind,
  layerRank,
  OccupationalLayer,
  occupationalLayers,
  participantRoles,
  roleClass,
  Sector,
} from "./catalogues.js";

describe("catalogues", () => {
  it("is version 1 and every open catalogue has an `other`", () => {
    expect(CATALOGUE_VERSION).toBe(1);
    for (const name of ["sector", "occupationalLayer", "gatheringFormat"] as const) {
      expect(catalogues[name]).toContain("other");
    }
  });

  it("ranks occupational layers ordinally and leaves `other` out", () => {
    expect(occupationalLayers.map(layerRank)).toEqual([0, 1, 2, 3, null]);
  });

  it("treats only collaboration as mutual", () => {
    expect(interactionKinds.filter(isMutualKind)).toEqual(["collaboration"]);
  });

  it("classes every role as giver, peer or receiver", () => {
    expect(Object.fromEntries(participantRoles.map((role) => [role, roleClass(role)]))).toEqual({
      facilitator: "giver",
      presenter: "giver",
      host: "giver",
      mentor: "giver",
      participant: "peer",
      "co-creator": "peer",
      learner: "receiver",
      mentee: "receiver",
      observer: "receiver",
    });
  });

  it("validates values with the zod enums", () => {
    expect(Sector.safeParse("higher-education").success).toBe(true);
    expect(Sector.safeParse("Higher Education").success).toBe(false);
    expect(OccupationalLayer.safeParse("director").success).toBe(true);
  });

  it("gives K per attribute by name", () => {
    expect(catalogues.sector).toHaveLength(8);
    expect(catalogues.learningEnvironment).toHaveLength(3);
    expect(catalogues.participantRole).toHaveLength(9);
  });
});
