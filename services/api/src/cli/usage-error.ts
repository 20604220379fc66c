/** Bad arguments: exit code 2 with the message and the command's help. */
export class UsageError extends Error {}

/** Input that cannot be stored (a bad file, a rule broken): exit code 3, nothing stored. */
export class InputError extends Error {}

export const exitCodes = { ok: 0, failed: 1, usage: 2, input: 3 } as const;
