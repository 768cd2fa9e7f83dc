/** CSS declarations as a map from lower-case property to lower-case value (the last one wins). */
export type CssDeclarations = ReadonlyMap<string, string>;

/** Parses `color: red; display:none` (an inline style or a rule body) into {@link CssDeclarations}. */
export function parseCssDeclarations(text: string): CssDeclarations {
  const declarations = new Map<string, string>();
  for (const declaration of text.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon <= 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .replace(/!important/i, '')
      .trim()
      .toLowerCase();
    if (property !== '' && value !== '') declarations.set(property, value);
  }
  return declarations;
}

const offscreenPattern = /^-\d{3,}(?:\.\d+)?(?:px|pt|em|rem|%)?$|^-\d{4,}/;

/**
 * True when the declarations make an element's text invisible by themselves: `display: none`,
 * `visibility: hidden`, zero opacity, a font size under one pixel, transparent text, text the same colour as
 * its own background, text moved far off-screen, clipped to nothing, scaled to nothing, or squeezed into a
 * box of zero size with overflow hidden. White text needs the background too: see {@link hasWhiteText}.
 */
export function cssHidesText(declarations: CssDeclarations): boolean {
  const get = (property: string) => declarations.get(property) ?? '';
  if (get('display') === 'none' || ['hidden', 'collapse'].includes(get('visibility'))) return true;
  if (declarations.has('opacity') && Number.parseFloat(get('opacity')) <= 0.05) return true;
  if (declarations.has('font-size') && isTinyLength(get('font-size'))) return true;
  const color = parseCssColor(get('color'));
  if (color?.alpha === 0) return true;
  const background = parseCssColor(backgroundColor(declarations));
  if (color && background && background.alpha > 0 && colorDistance(color, background) < 24) return true;
  if (
    ['text-indent', 'left', 'top', 'margin-left', 'margin-top'].some((property) => offscreenPattern.test(get(property)))
  )
    return true;
  if (/^rect\(\s*0(?:px)?[\s,]+0/.test(get('clip')) || /^inset\(\s*(?:50|100)%/.test(get('clip-path'))) return true;
  if (/scale\(\s*0(?:\.0+)?\s*[,)]/.test(get('transform'))) return true;
  const zeroBox = ['width', 'height', 'max-width', 'max-height'].some((property) =>
    /^0(?:px|em|rem|%)?$/.test(get(property)),
  );
  return zeroBox && get('overflow') === 'hidden';
}

/** True when the declarations set a white (or nearly white) text colour. */
export function hasWhiteText(declarations: CssDeclarations): boolean {
  const color = parseCssColor(declarations.get('color') ?? '');
  return color !== undefined && isNearlyWhite(color);
}

/** `'light'` for a white or nearly white background, `'other'` for any other background, undefined for none set. */
export function backgroundKind(declarations: CssDeclarations): 'light' | 'other' | undefined {
  const value = backgroundColor(declarations);
  if (value === '') return undefined;
  const color = parseCssColor(value);
  return color && isNearlyWhite(color) ? 'light' : 'other';
}

function backgroundColor(declarations: CssDeclarations): string {
  return declarations.get('background-color') ?? declarations.get('background') ?? '';
}

function isTinyLength(value: string): boolean {
  const match = /^(-?\d*\.?\d+)\s*(px|pt|em|rem|%|)$/.exec(value);
  if (!match) return false;
  const size = Number(match[1]);
  const unit = match[2];
  if (unit === 'em' || unit === 'rem') return size < 0.1;
  if (unit === '%') return size < 10;
  return size < 1;
}

/** An sRGB colour with alpha. */
export interface RgbColor {
  red: number;
  green: number;
  blue: number;
  alpha: number;
}

const namedColors: Record<string, RgbColor> = {
  white: { red: 255, green: 255, blue: 255, alpha: 1 },
  snow: { red: 255, green: 250, blue: 250, alpha: 1 },
  ivory: { red: 255, green: 255, blue: 240, alpha: 1 },
  ghostwhite: { red: 248, green: 248, blue: 255, alpha: 1 },
  whitesmoke: { red: 245, green: 245, blue: 245, alpha: 1 },
  black: { red: 0, green: 0, blue: 0, alpha: 1 },
  transparent: { red: 0, green: 0, blue: 0, alpha: 0 },
};

/** Parses `#fff`, `#ffffff`, `rgb(…)`/`rgba(…)` and a few names; undefined for anything else. */
export function parseCssColor(value: string): RgbColor | undefined {
  const text =
    value
      .trim()
      .toLowerCase()
      .split(/\s+(?![^(]*\))/)[0] ?? '';
  if (text in namedColors) return namedColors[text];
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(text)?.[1];
  if (hex !== undefined) {
    const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
    return {
      red: parseInt(full.slice(0, 2), 16),
      green: parseInt(full.slice(2, 4), 16),
      blue: parseInt(full.slice(4, 6), 16),
      alpha: 1,
    };
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(text);
  if (!rgb) return undefined;
  const alphaText = rgb[4] ?? '1';
  const alpha = alphaText.endsWith('%') ? Number.parseFloat(alphaText) / 100 : Number(alphaText);
  return { red: Number(rgb[1]), green: Number(rgb[2]), blue: Number(rgb[3]), alpha };
}

function isNearlyWhite(color: RgbColor): boolean {
  return color.alpha > 0 && color.red >= 235 && color.green >= 235 && color.blue >= 235;
}

function colorDistance(first: RgbColor, second: RgbColor): number {
  return Math.abs(first.red - second.red) + Math.abs(first.green - second.green) + Math.abs(first.blue - second.blue);
}
