// The graph of a bench/web community at a date, written for networkx-subset.py: every member with
// their sector, every tie that had happened by then with its summed weight. Made from the history
// the server was given, not from the server's answer, so networkx sees the graph independently.
import { writeFileSync } from "node:fs";
import type { CommunityHistory } from "../web/community.js";

interface Member {
  readonly memberId: string;
  readonly sector: string;
  readonly occurredAt: string;
}
interface Interaction {
  readonly from: string;
  readonly to: readonly string[];
  readonly occurredAt: string;
  readonly weight?: number;
}

export function writeGraphFile(history: CommunityHistory, at: number, path: string): { nodes: number; edges: number } {
  const lines: string[] = [];
  const weights = new Map<string, number>();
  for (const event of history.events as { type: string; data: unknown }[]) {
    if (event.type === "MemberJoined") {
      const member = event.data as Member;
      if (Date.parse(member.occurredAt) <= at) lines.push(`n\t${member.memberId}\t${member.sector}`);
    } else if (event.type === "InteractionRecorded") {
      const tie = event.data as Interaction;
      if (Date.parse(tie.occurredAt) > at) continue;
      for (const to of tie.to) {
        const key = `${tie.from}\t${to}`;
        weights.set(key, (weights.get(key) ?? 0) + (tie.weight ?? 1));
      }
    }
  }
  const nodes = lines.length;
  for (const [pair, weight] of weights) lines.push(`e\t${pair}\t${weight}`);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return { nodes, edges: weights.size };
}
