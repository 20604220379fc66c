type TypedArray = Int32Array | Uint32Array | Float64Array | Uint8Array;

/** An append-only typed array that doubles when full: rows of the engine's indexes. */
export class Column<T extends TypedArray> {
  #data: T;
  #length = 0;

  constructor(
    private readonly make: (capacity: number) => T,
    capacity = 64,
  ) {
    this.#data = make(capacity);
  }

  get length(): number {
    return this.#length;
  }

  /** The backing array; only indices below `length` hold values. Re-read after a push. */
  get data(): T {
    return this.#data;
  }

  /** Makes room for `more` values without growing again (one copy instead of several). */
  reserve(more: number): void {
    if (this.#length + more <= this.#data.length) return;
    const grown = this.make(this.#length + more);
    grown.set(this.#data.subarray(0, this.#length));
    this.#data = grown;
  }

  push(value: number): void {
    if (this.#length === this.#data.length) {
      const grown = this.make(this.#data.length * 2);
      grown.set(this.#data);
      this.#data = grown;
    }
    this.#data[this.#length++] = value;
  }

  set(index: number, value: number): void {
    this.#data[index] = value;
  }

  clear(): void {
    this.#length = 0;
  }
}

export const int32Column = () => new Column((n) => new Int32Array(n));
export const float64Column = () => new Column((n) => new Float64Array(n));
export const uint8Column = () => new Column((n) => new Uint8Array(n));
export const uint32Column = () => new Column((n) => new Uint32Array(n));
