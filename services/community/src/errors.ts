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
