// Text from a document echoed in a message must not act on the terminal or viewer showing it:
// ESC/CSI sequences can recolour, clear or retitle a terminal, C1 controls (U+009B is a
// one-character CSI) do the same on some, bidi overrides (U+202E) reorder what follows so
// the message lies about the input, and invisible characters hide the very thing to fix.

/** Characters never shown raw in a message: controls, format/bidi, line/paragraph separators, lone surrogates. */
// eslint-disable-next-line no-control-regex
export const UNSAFE_IN_MESSAGE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

function escapeOne(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every such character written as a JavaScript-style escape (ESC → `\u001b`). */
export function escapeForMessage(text: string): string {
  return text.replace(UNSAFE_IN_MESSAGE, escapeOne);
}

const NAMES: Record<number, string> = {
  0x00: 'NULL',
  0x09: 'CHARACTER TABULATION',
  0x0a: 'LINE FEED',
  0x0d: 'CARRIAGE RETURN',
  0x1b: 'ESCAPE',
  0x20: 'SPACE',
  0x7f: 'DELETE',
  0x85: 'NEXT LINE',
  0x9b: 'CONTROL SEQUENCE INTRODUCER',
  0xa0: 'NO-BREAK SPACE',
  0xad: 'SOFT HYPHEN',
  0x034f: 'COMBINING GRAPHEME JOINER',
  0x061c: 'ARABIC LETTER MARK',
  0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x3000: 'IDEOGRAPHIC SPACE',
  0x3164: 'HANGUL FILLER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0xffa0: 'HALFWIDTH HANGUL FILLER',
};

/** "U+200B (ZERO WIDTH SPACE)", "U+D800 (a lone surrogate)", "U+0081 (a control character)". */
export function describeCodePoint(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const ch = String.fromCodePoint(code);
  const name =
    NAMES[code] ??
    (code >= 0xd800 && code <= 0xdfff
      ? 'a lone surrogate'
      : /\p{Cc}/u.test(ch)
        ? 'a control character'
        : /\p{Z}/u.test(ch)
          ? 'a space character'
          : 'an invisible formatting character');
  return `${hex} (${name})`;
}

/**
 * Characters a URL must not contain: controls, format and bidi characters, any space or
 * separator, lone surrogates, and the other default-ignorable (invisible) code points.
 */
// eslint-disable-next-line no-control-regex
const HIDDEN_IN_URL = /[\p{Cc}\p{Cf}\p{Z}\p{Cs}\p{Default_Ignorable_Code_Point}]/u;

/** The first character of `url` a link must not hide, with its 1-based position, or undefined. */
export function firstHiddenCharacter(url: string): { code: number; position: number } | undefined {
  let position = 0;
  for (const ch of url) {
    position++;
    if (HIDDEN_IN_URL.test(ch)) return { code: ch.codePointAt(0) ?? 0, position };
  }
  return undefined;
}
