// The classic data sets copgraph can import, with the files each needs, the relations it has
// (and the interaction kind each becomes unless the caller chooses) and how to cite it.
import type { InteractionKind } from "@copgraph/domain";
import { florentineFiles } from "./florentine.js";
import { karateFiles } from "./karate.js";
import { krackhardtFiles } from "./krackhardt.js";
import { lazegaFiles } from "./lazega.js";
import { mcfarlandFiles } from "./mcfarland.js";

export const datasetNames = ["krackhardt", "lazega", "karate", "florentine", "mcfarland"] as const;
export type DatasetName = (typeof datasetNames)[number];

export interface DatasetRelationInfo {
  readonly name: string;
  readonly directed: boolean;
  readonly valued: boolean;
  /** Interaction kind used unless the caller picks another for this relation. */
  readonly kind: InteractionKind;
  /** Arcs (directed) or edges (undirected), as published. */
  readonly ties: number;
}

export interface DatasetInfo {
  readonly name: DatasetName;
  readonly title: string;
  /** Folder under shared/interchange/datasets holding the files as shipped. */
  readonly folder: string;
  /** File names, as keys of `importDataset`'s `files`. */
  readonly files: readonly string[];
  readonly members: number;
  readonly relations: readonly DatasetRelationInfo[];
  /** Custom member attributes the import sets. */
  readonly attributes: readonly string[];
  readonly citation: string;
  readonly notes: string;
}

export const datasetCatalog: readonly DatasetInfo[] = [
  {
    name: "krackhardt",
    title: "Krackhardt high-tech managers",
    folder: "krackhardt_hightech",
    files: Object.values(krackhardtFiles),
    members: 21,
    relations: [
      { name: "advice", directed: true, valued: false, kind: "advice", ties: 190 },
      { name: "friendship", directed: true, valued: false, kind: "knowledge-sharing", ties: 102 },
    ],
    attributes: ["AGE", "TENURE", "LEVEL", "DEPT"],
    citation: "Krackhardt, D. (1987). Cognitive social structures. Social Networks, 9(2), 109-134.",
    notes: "occupationalLayer from LEVEL: 1 (CEO) director, 2 (vice president) management, 3 (manager) professional.",
  },
  {
    name: "lazega",
    title: "Lazega law firm",
    folder: "lazega_lawfirm",
    files: Object.values(lazegaFiles),
    members: 71,
    relations: [
      { name: "advice", directed: true, valued: false, kind: "advice", ties: 892 },
      { name: "friendship", directed: true, valued: false, kind: "knowledge-sharing", ties: 575 },
      { name: "co-work", directed: true, valued: false, kind: "collaboration", ties: 1104 },
    ],
    attributes: ["status", "gender", "office", "practice", "lawSchool", "age", "seniority"],
    citation:
      "Lazega, E. (2001). The Collegial Phenomenon: The Social Mechanisms of Cooperation Among Peers in a Corporate Law Partnership. Oxford University Press.",
    notes:
      "Partition codes are replaced by the codebook labels in the file (status partner/associate, office Boston/Hartford/Providence…). occupationalLayer from status: partner director, associate professional. Co-work is not symmetric as shipped; each arc becomes one collaboration, so a mutual dyad counts twice.",
  },
  {
    name: "karate",
    title: "Zachary karate club",
    folder: "zachary_karate",
    files: Object.values(karateFiles),
    members: 34,
    relations: [{ name: "interaction", directed: false, valued: true, kind: "collaboration", ties: 78 }],
    attributes: ["faction"],
    citation:
      "Zachary, W. W. (1977). An information flow model for conflict and fission in small groups. Journal of Anthropological Research, 33(4), 452-473.",
    notes:
      "faction follows README.KARATE: 'Mr. Hi' (16 members, with member 1) and 'Officer' (18, with member 34); member 9 is an Officer there, unlike networkx's `club`.",
  },
  {
    name: "florentine",
    title: "Padgett Florentine families",
    folder: "padgett_florentine",
    files: Object.values(florentineFiles),
    members: 16,
    relations: [
      { name: "marriage", directed: false, valued: false, kind: "knowledge-sharing", ties: 20 },
      { name: "business", directed: false, valued: false, kind: "collaboration", ties: 15 },
    ],
    attributes: ["Wealth", "NumberPriorates"],
    citation:
      "Padgett, J. F. (1994). Marriage and elite structure in Renaissance Florence, 1282-1500. Paper, Social Science History Association; Padgett, J. F., & Ansell, C. K. (1993). Robust action and the rise of the Medici, 1400-1434. American Journal of Sociology, 98(6), 1259-1319.",
    notes:
      "Undirected ties: with a mutual kind (collaboration) one interaction per edge, with a directed kind one per direction.",
  },
  {
    name: "mcfarland",
    title: "McFarland classroom s641",
    folder: "mcfarland_s641",
    files: Object.values(mcfarlandFiles),
    members: 22,
    relations: [{ name: "social", directed: true, valued: true, kind: "knowledge-sharing", ties: 57 }],
    attributes: [],
    citation:
      "McFarland, D. A. (2001). Student resistance: How the formal and informal organization of classrooms facilitate everyday forms of student defiance. American Journal of Sociology, 107(3), 612-678. (classroom s641)",
    notes: "weight = the observed social-interaction rate of the arc.",
  },
];

export function datasetInfo(name: string): DatasetInfo {
  const info = datasetCatalog.find((entry) => entry.name === name);
  if (!info) throw new RangeError(`unknown data set '${name}'; known: ${datasetNames.join(", ")}`);
  return info;
}
