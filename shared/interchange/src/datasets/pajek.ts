// Reader for Pajek project files (.paj): a multi-relational network (*Network, *Vertices,
// *arcs :k "name" declarations, then `k: from to weight` lines) followed by partitions (.clu)
// and vectors (.vec). Codebook comments such as `% 1-partner; 2-associate` are kept too.

export interface PajekRelation {
  readonly name: string;
  readonly directed: boolean;
  readonly lines: { from: string; to: string; weight: number }[];
}

export interface PajekProject {
  /** Vertex numbers (as text) with their labels, in file order. */
  readonly vertices: { id: string; label: string }[];
  /** By relation number. */
  readonly relations: Map<number, PajekRelation>;
  /** Per partition or vector name (extension dropped): one value per vertex, and its codebook if any. */
  readonly partitions: Map<string, { values: string[]; codebook: Map<string, string> }>;
  readonly vectors: Map<string, string[]>;
}

type Section =
  | { kind: "none" | "network" }
  | { kind: "vertices" }
  | { kind: "ties"; directed: boolean; relation?: number }
  | { kind: "partition" | "vector"; name: string; values: string[]; codebook: Map<string, string> };

export function readPajek(text: string, file: string): PajekProject {
  const project: PajekProject = { vertices: [], relations: new Map(), partitions: new Map(), vectors: new Map() };
  let section: Section = { kind: "none" };
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const where = `${file}:${index + 1}`;
    if (line === "") return;
    if (line.startsWith("%")) {
      if (section.kind === "partition" || section.kind === "vector") readCodebook(line.slice(1), section.codebook);
      return;
    }
    if (line.startsWith("*")) {
      section = header(line, section, project, where);
      return;
    }
    switch (section.kind) {
      case "vertices": {
        const match = /^(\d+)\s+"([^"]*)"/.exec(line) ?? /^(\d+)\s*(\S*)/.exec(line);
        if (!match) throw new Error(`${where}: expected a vertex line`);
        project.vertices.push({ id: match[1]!, label: match[2] || match[1]! });
        return;
      }
      case "ties": {
        const match = /^(?:(\d+):)?\s*(\d+)\s+(\d+)(?:\s+(\S+))?/.exec(line);
        if (!match) throw new Error(`${where}: expected 'relation: from to weight'`);
        const number = match[1] === undefined ? (section.relation ?? 1) : Number(match[1]);
        const relation = relationOf(project, number, section.directed);
        relation.lines.push({ from: match[2]!, to: match[3]!, weight: match[4] === undefined ? 1 : Number(match[4]) });
        return;
      }
      case "partition":
      case "vector":
        section.values.push(line);
        return;
      default:
        return;
    }
  });
  return project;
}

function header(line: string, current: Section, project: PajekProject, where: string): Section {
  const [keyword = "", ...rest] = line.slice(1).split(/\s+/);
  const lower = keyword.toLowerCase();
  if (lower === "network") return { kind: "network" };
  if (lower === "vertices") {
    // Inside a partition or vector, *Vertices only announces how many values follow.
    return current.kind === "partition" || current.kind === "vector" ? current : { kind: "vertices" };
  }
  if (lower === "partition" || lower === "vector") {
    const name = rest.join(" ").replace(/\.(clu|vec)$/i, "");
    const section: Section = { kind: lower, name, values: [], codebook: new Map() };
    if (lower === "partition") project.partitions.set(name, section);
    else project.vectors.set(name, section.values);
    return section;
  }
  if (lower === "arcs" || lower === "edges") {
    const directed = lower === "arcs";
    const declaration = /^:(\d+)(?:\s+"([^"]*)")?/.exec(rest.join(" "));
    if (!declaration) return { kind: "ties", directed };
    const number = Number(declaration[1]);
    const relation = relationOf(project, number, directed);
    if (declaration[2]) project.relations.set(number, { ...relation, name: declaration[2] });
    return { kind: "ties", directed, relation: number };
  }
  throw new Error(`${where}: unknown Pajek section '*${keyword}'`);
}

function relationOf(project: PajekProject, number: number, directed: boolean): PajekRelation {
  let relation = project.relations.get(number);
  if (!relation) {
    relation = { name: `relation${number}`, directed, lines: [] };
    project.relations.set(number, relation);
  }
  return relation;
}

/** `1-partner; 2-associate` → 1 → partner, 2 → associate. Other comments add nothing. */
function readCodebook(comment: string, codebook: Map<string, string>): void {
  for (const part of comment.split(";")) {
    const match = /^\s*(\d+)\s*-\s*(.+?)\s*$/.exec(part);
    if (match) codebook.set(match[1]!, match[2]!);
  }
}
