/** Line and bar colours for configurations, in rank order (colour-blind safe, after Okabe and Ito). */
const colours = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

/** The colour of the configuration at `index` (0-based). */
export function configurationColour(index: number): string {
  return colours[index % colours.length] as string;
}
