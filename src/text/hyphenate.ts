// Where a Latin word may take a hyphen: Liang's algorithm (F. M. Liang, "Word Hy-phen-a-tion
// by Com-put-er", 1983) with TeX's patterns, through the `hyphen` package that bundles them.
// The breaker turns these points into Knuth–Plass penalised breaks (choose-breaks.ts); the
// rules of which words are hyphenated at all are in opportunities.ts.
import { createRequire } from 'node:module';
import type { Hyphenation, HyphenLanguage } from './types.js';

export const DEFAULT_HYPHENATION: Hyphenation = { language: 'en-us', minBefore: 2, minAfter: 3 };

/**
 * TeX hyphenates words of at most 63 letters (The TeXbook, ch. 14): longer strings break
 * at emergency points only. It also bounds the cost: the `hyphen` package's matcher is
 * quadratic in the word's length (a 200 KB "word" took over three minutes).
 */
export const MAX_HYPHENATED_WORD = 63;

interface HyphenModule {
  hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}

const require = createRequire(import.meta.url);
const modules = new Map<HyphenLanguage, HyphenModule>();

function hyphenModule(language: HyphenLanguage): HyphenModule {
  let mod = modules.get(language);
  if (!mod) {
    // Static paths, one per HyphenLanguage: the package's subpath modules, loaded on first use.
    const loaders: Record<HyphenLanguage, () => unknown> = {
      'en-us': () => require('hyphen/en-us'),
      'en-gb': () => require('hyphen/en-gb'),
      de: () => require('hyphen/de'),
      fr: () => require('hyphen/fr'),
      es: () => require('hyphen/es'),
      it: () => require('hyphen/it'),
      nl: () => require('hyphen/nl'),
      pt: () => require('hyphen/pt'),
    };
    mod = loaders[language]() as HyphenModule;
    modules.set(language, mod);
  }
  return mod;
}

// Words recur; the cache is cleared when full so a long-running service stays bounded.
const cache = new Map<string, readonly number[]>();
const CACHE_WORDS = 20_000;
const SOFT_HYPHEN = '\u00ad';

/**
 * UTF-16 offsets inside `word` (a run of letters) where it may be hyphenated, each with at
 * least minBefore letters before and minAfter after. None for a word of capitals only
 * (an acronym such as WHO or COVID is not hyphenated) or longer than MAX_HYPHENATED_WORD.
 */
export function hyphenationPoints(word: string, h: Hyphenation): readonly number[] {
  const letters = Array.from(word);
  if (letters.length < h.minBefore + h.minAfter || letters.length > MAX_HYPHENATED_WORD) return [];
  if (word === word.toUpperCase()) return [];
  const key = `${h.language}\u0000${h.minBefore}\u0000${h.minAfter}\u0000${word}`;
  const known = cache.get(key);
  if (known) return known;
  const marked = hyphenModule(h.language).hyphenateSync(word, { hyphenChar: SOFT_HYPHEN, minWordLength: 1 });
  const points: number[] = [];
  let offset = 0;
  let before = 0;
  for (const ch of marked) {
    if (ch === SOFT_HYPHEN) {
      if (before >= h.minBefore && letters.length - before >= h.minAfter) points.push(offset);
      continue;
    }
    offset += ch.length;
    before++;
  }
  if (cache.size >= CACHE_WORDS) cache.clear();
  cache.set(key, points);
  return points;
}
