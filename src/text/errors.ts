import { IssueValidationError, type ErrorInit } from '../errors.js';

/** A character that no face of its run's fallback chain can draw (typography.md "Fonts"). */
export class GlyphMissingError extends IssueValidationError {
  constructor(errors: readonly ErrorInit[]) {
    super(errors);
    this.name = 'GlyphMissingError';
  }
}

export function missingGlyphMessage(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  return `no bundled font has a glyph for U+${hex} "${ch}"`;
}
