// What the application core refuses, as plain errors: the API maps each to its problem+json.

/** No community with this id has been registered. */
export class CommunityNotFound extends Error {
  constructor(readonly communityId: string) {
    super(`no community '${communityId}'`);
  }
}

/** The read model has not reached the community's revision within its deadline: retry later. */
export class ReadModelBehind extends Error {
  constructor(
    readonly communityId: string,
    readonly revision: number,
    readonly waitedSeconds: number,
    readonly retryAfterSeconds: number,
  ) {
    super(
      `the server's view of '${communityId}' has not reached its revision ${revision} within ${waitedSeconds} s; retry later`,
    );
  }
}

/** An indicator id the catalogue does not know. */
export class UnknownIndicator extends Error {}

/**
 * A request's analytics did not finish within its time budget (COPGRAPH_ANALYTICS_BUDGET_MS) and
 * were stopped: retry later, or ask for less (fewer indicators, dates or permutations).
 */
export class AnalyticsBudgetExceeded extends Error {
  constructor(
    readonly budgetMs: number,
    readonly retryAfterSeconds: number,
  ) {
    super(
      `the indicators did not finish within the time budget of ${budgetMs} ms and were stopped; ask for less or retry later`,
    );
  }
}

/** The request's time budget ran out while it waited for a free analytics thread: retry later. */
export class AnalyticsBusy extends Error {
  constructor(
    readonly budgetMs: number,
    readonly retryAfterSeconds: number,
  ) {
    super(
      `the time budget of ${budgetMs} ms ran out while the request waited for a free analytics thread; retry later`,
    );
  }
}

/** The caller went away: its analytics were stopped and nobody waits for an answer. */
export class AnalyticsCancelled extends Error {
  constructor() {
    super("the request was cancelled: its caller went away");
  }
}
