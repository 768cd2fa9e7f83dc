/** Writes a value as JSON on stdout: the only thing `--json` commands print there. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Writes a line for people on stdout. */
export function printLine(text = ''): void {
  process.stdout.write(`${text}\n`);
}
