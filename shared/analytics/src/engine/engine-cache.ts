import { HistoryCache } from "../projection/snapshot-cache.js";
import { EngineView } from "./engine-view.js";

/** Recent engine views per history and query (see HistoryCache): a date asked again is not projected again. */
export class EngineCache extends HistoryCache<EngineView> {
  constructor(capacity = 32) {
    super(capacity, EngineView.of);
  }
}
