import type { Communities } from "@copgraph/community";
import type { EventStore } from "@copgraph/event-store";
import { defaultRespondentLimits, RespondentLimit, type RespondentLimits } from "./respondent-limit.js";
import { SurveyLinkStore } from "./survey-links.js";
import { SurveyLog } from "./survey-log.js";

export interface SurveyOptions {
  /** The SQLite file of link token hashes (default: in memory). */
  readonly file?: string;
  /** Where respondents open their links (COPGRAPH_PUBLIC_URL, else the server's own address). */
  readonly publicUrl?: () => string;
  readonly respondentLimits?: Partial<RespondentLimits>;
}

/** Survey rounds, their links and the respondents' rate limit, wired together. */
export class Surveys {
  readonly log: SurveyLog;
  readonly links: SurveyLinkStore;
  readonly respondentLimit: RespondentLimit;
  readonly #publicUrl: () => string;

  /** `core`: the community's vault (answers' ratings and items) and members (who was erased). */
  constructor(store: EventStore, core: Pick<Communities, "personal" | "writer">, options: SurveyOptions = {}) {
    this.log = new SurveyLog(store, core.personal, core.writer);
    this.links = new SurveyLinkStore(options.file);
    this.respondentLimit = new RespondentLimit({ ...defaultRespondentLimits, ...options.respondentLimits });
    this.#publicUrl = options.publicUrl ?? (() => "");
  }

  /**
   * A respondent's link: the web app's survey page with the token in the fragment, which browsers
   * never send to a server nor put in a Referer, so the token reaches no log on the way.
   */
  linkFor(token: string): string {
    return `${this.#publicUrl().replace(/\/+$/, "")}/#/survey/${token}`;
  }

  close(): void {
    this.links.close();
  }
}
