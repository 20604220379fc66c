/** Member ids as small integers, in the order first seen; codes never change. */
export class MemberCodes {
  readonly #codes = new Map<string, number>();
  readonly ids: string[] = [];

  get size(): number {
    return this.ids.length;
  }

  code(memberId: string): number {
    let code = this.#codes.get(memberId);
    if (code === undefined) {
      code = this.ids.length;
      this.#codes.set(memberId, code);
      this.ids.push(memberId);
    }
    return code;
  }
}
