import { h } from "../../core/dom.js";
import type { MemberDirectory } from "./members.js";

/** What every form of the record page shares. */
export interface RecordContext {
  readonly communityId: string;
  readonly directory: MemberDirectory;
  readonly records: RecentRecords;
}

const RECORDS_ID = "rec-records";

/** Ids of the interactions and gatherings logged on this page, offered when retracting. */
export class RecentRecords {
  readonly datalist = h("datalist", { id: RECORDS_ID });
  readonly listId = RECORDS_ID;

  add(id: string, label: string): void {
    this.datalist.prepend(h("option", { value: id, label }));
  }
}
