import { chmod, open, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { HistoryCheckpoint } from "@copgraph/analytics";
import type { Position } from "@copgraph/event-store";

/** The read model's checkpoint in a data folder, beside the log. */
export const CHECKPOINT_FILE = "read-model.checkpoint";

/** Layout of the file around the histories: change it with any change to ReadModelCheckpoint. */
const FILE_FORMAT = 1;
const KIND = "copgraph read-model checkpoint";

/**
 * The read model as of one log position: derived, rebuildable, never the source of truth. It holds
 * what the histories hold, and they hold only what the log holds (names and free text are in the
 * vault, never in the log), so erasing a member leaves nothing here the log does not also keep.
 */
export interface ReadModelCheckpoint {
  /** Position of the last event it reflects: the read model resumes after it. */
  readonly position: Position;
  /** That event's id: a checkpoint of another log (a folder restored, a log replaced) is not used. */
  readonly eventId: string;
  readonly communities: readonly CommunityCheckpoint[];
}

export interface CommunityCheckpoint {
  readonly communityId: string;
  /** Revision of the community's last event it reflects. */
  readonly revision: number;
  readonly history: HistoryCheckpoint;
}

/**
 * One checkpoint file (v8 serialisation: typed arrays are copied as bytes). Reading never fails:
 * a missing, damaged or older file reads as nothing, and the read model replays the log.
 * Writing is atomic (a temporary file, flushed, then renamed over the old one) and private (0600).
 */
export class CheckpointFile {
  constructor(readonly path: string) {}

  static inDataDir(dataDir: string): CheckpointFile {
    return new CheckpointFile(join(dataDir, CHECKPOINT_FILE));
  }

  /** The checkpoint saved, or why there is none to use (`reason` is undefined when there is no file). */
  async read(): Promise<{ readonly checkpoint?: ReadModelCheckpoint; readonly reason?: string }> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
      return { reason: `cannot read ${this.path}: ${(error as Error).message}` };
    }
    try {
      const envelope = deserialize(bytes) as { kind?: unknown; format?: unknown; checkpoint?: ReadModelCheckpoint };
      if (envelope?.kind !== KIND) return { reason: `${this.path} is not a read-model checkpoint` };
      if (envelope.format !== FILE_FORMAT)
        return { reason: `${this.path} has format ${envelope.format}, not ${FILE_FORMAT}` };
      const checkpoint = envelope.checkpoint;
      if (!isCheckpoint(checkpoint)) return { reason: `${this.path} is incomplete` };
      return { checkpoint };
    } catch (error) {
      return { reason: `${this.path} is damaged: ${(error as Error).message}` };
    }
  }

  async write(checkpoint: ReadModelCheckpoint): Promise<void> {
    const bytes = serialize({ kind: KIND, format: FILE_FORMAT, checkpoint });
    // Unique per write: two writers of one file (only tests run two) never share a draft.
    drafts += 1;
    const draft = `${this.path}.${process.pid}.${drafts}.tmp`;
    try {
      const file = await open(draft, "w", 0o600);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      // The mode given to open is masked by the umask: make sure.
      await chmod(draft, 0o600);
      await rename(draft, this.path);
    } catch (error) {
      await rm(draft, { force: true });
      throw error;
    }
  }
}

let drafts = 0;

function isCheckpoint(value: ReadModelCheckpoint | undefined): value is ReadModelCheckpoint {
  return (
    typeof value?.eventId === "string" &&
    typeof value.position?.commit === "bigint" &&
    typeof value.position.prepare === "bigint" &&
    Array.isArray(value.communities) &&
    value.communities.every((one) => typeof one?.communityId === "string" && Number.isInteger(one.revision))
  );
}
