/** A p-value for people: three significant digits, or `< 0.001`. */
export function formatPValue(value: number): string {
  return value < 0.001
    ? '< 0.001'
    : value
        .toPrecision(3)
        .replace(/(\.\d*?)0+$/, '$1')
        .replace(/\.$/, '');
}
