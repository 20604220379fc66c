import { MemberNames } from "../../core/member-names.js";
import { reads } from "./requests.js";

/**
 * The member names of one community view: read once, and again only when a graph shows a member
 * the list does not hold yet (someone joined). A list that cannot be read leaves the ids as names.
 */
export class ViewNames {
  /** The names read last (none until the first read answers). */
  latest = MemberNames.none;
  #reading: Promise<MemberNames> | undefined;

  constructor(private readonly communityId: string) {}

  /** Starts reading before the graph is in, so that both arrive together. */
  prefetch(): void {
    this.#reading ??= this.#read();
  }

  /** The names covering every member of `ids`, as far as the server knows them. */
  async covering(ids: readonly string[]): Promise<MemberNames> {
    this.#reading ??= this.#read();
    const names = await this.#reading;
    if (ids.every((id) => names.has(id))) return names;
    this.#reading = this.#read();
    return this.#reading;
  }

  async #read(): Promise<MemberNames> {
    try {
      this.latest = new MemberNames((await reads.members(this.communityId)).members);
    } catch {
      // Ids stay the labels; the next graph with someone new asks again.
    }
    return this.latest;
  }
}
