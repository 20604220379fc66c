import type { Indicator, IndicatorFamily } from "../indicator.js";
import { dualRoleShareIndicator } from "./dual-role.js";
import { eiFlowIndicator } from "./ei-flow.js";
import { roleEntropyIndicator } from "./entropy.js";
import { hierarchyInversionIndicator } from "./hierarchy-inversion.js";
import { reversalIndicator } from "./reversal.js";
import { roleRichnessIndicator } from "./richness.js";
import { switchRateIndicator } from "./switch-rate.js";

export { defaultMinParticipations, type RolesOptions } from "./options.js";

export const rolesIndicators: readonly Indicator[] = [
  roleEntropyIndicator,
  roleRichnessIndicator,
  dualRoleShareIndicator,
  switchRateIndicator,
  reversalIndicator,
  hierarchyInversionIndicator,
  eiFlowIndicator,
];

export const rolesFamily: IndicatorFamily = {
  id: "roles",
  title: "Roles (role switching)",
  about:
    "No standard exists: **all of these are copgraph's own definitions.** They read the window's gatherings (one participation per gathering and distinct member) and, except `roles.entropy`, `roles.richness` and `roles.switch_rate`, its directed interactions as episodes (the source gives to each recipient). A member's participations are ordered by time, then class (giver, peer, receiver), then role, then gathering id, so recording order never changes a value. Giver→receiver arcs of an episode: every (giver, receiver) pair of distinct members in it. p-values here are **two-sided** (unlike `silo.ei_p`), around the mean of the P permuted values: `p = (1 + #{|x − mean| ≥ |obs − mean|}) / (1 + P)`, z from their sample sd.",
  indicators: rolesIndicators,
};
