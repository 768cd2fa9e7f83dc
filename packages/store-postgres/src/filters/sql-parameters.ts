/** Collects the values of a statement's `$n` placeholders, numbering them in the order they are added. */
export class SqlParameters {
  readonly values: unknown[] = [];

  /** Adds a value; returns its placeholder (`$1`, `$2`, …). */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
