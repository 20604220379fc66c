import type { Indicator } from "../indicator.js";
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
