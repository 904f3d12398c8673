// The benchmark's peers print what bench/content.mjs gives them; these tests hold that text to
// what our composer sets, so every tool in the benchmark sets the same characters.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM module of the benchmark, no declarations
import { chineseDate, chineseDigits, printedIssue, repeatIssue, scramble, varyIssue } from '../../bench/content.mjs';
import { composeIssue } from '../../src/compose/index.js';
import type { Block } from '../../src/compose/types.js';
import { validateIssue } from '../../src/document/index.js';
import type { Issue } from '../../src/document/types.js';
import { defaultTheme } from '../../src/theme/index.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8'));

function valid(input: unknown): Issue {
  const r = validateIssue(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors[0]));
  return r.issue;
}

/** Every string our composer sets, in order (contents page numbers and leaders are layout's). */
function composedStrings(issue: Issue): string[] {
  const out: string[] = [];
  const visit = (b: Block): void => {
    if (b.kind !== 'text') return;
    out.push(b.runs.map((r) => r.text).join(''));
    if (b.tail?.kind === 'text') out.push(b.tail.runs.map((r) => r.text).join(''));
  };
  composeIssue(issue, defaultTheme).blocks.forEach(visit);
  return out;
}

interface Printed {
  title: string;
  number: string;
  publisher: string;
  date: string;
  leadLabel: string;
  lead: string;
  contents: string;
  articlesLabel: string;
  articles: {
    n: number;
    title: string;
    source: string;
    url: string;
    dateline: string;
    sourceLabel: string;
    linkLabel: string;
    summaryLabel: string;
    originalTitle?: string;
    body: ({ type: 'paragraph'; runs: { text: string }[] } | { type: 'heading'; text: string })[];
  }[];
}

/** The same strings from bench/content.mjs, in our reading order. */
function printedStrings(p: Printed): string[] {
  const out = [p.title, p.number, p.publisher, p.date, p.leadLabel, p.lead, p.contents];
  for (const a of p.articles) out.push(`${a.n}. ${a.title}（${a.source}）`);
  out.push(p.articlesLabel);
  for (const a of p.articles) {
    out.push(`${a.n}. ${a.title}`, a.sourceLabel + a.source, a.linkLabel + a.url, a.summaryLabel, a.title, a.dateline);
    if (a.originalTitle !== undefined) out.push(a.originalTitle);
    for (const b of a.body) out.push(b.type === 'heading' ? b.text : b.runs.map((r) => r.text).join(''));
  }
  return out;
}

describe('bench/content.mjs prints what our composer sets', () => {
  for (const name of ['bulletin-663.json', 'bulletin-666.json']) {
    it(name, () => {
      const input = fixture(name);
      expect(printedStrings(printedIssue(input) as Printed)).toEqual(composedStrings(valid(input)));
    });
  }

  it('a varied and a repeated issue too (the inputs of warm runs and of the long documents)', () => {
    const i663 = fixture('bulletin-663.json');
    const long = repeatIssue(i663, [i663, fixture('bulletin-666.json')], 3);
    for (const input of [varyIssue(i663, 7), long]) {
      expect(printedStrings(printedIssue(input) as Printed)).toEqual(composedStrings(valid(input)));
    }
    expect((long as { articles: unknown[] }).articles).toHaveLength(15);
  });

  it('numbers and dates as the issue prints them', () => {
    expect(chineseDigits(663)).toBe('六六三');
    expect(chineseDigits(1070)).toBe('一〇七〇');
    expect(chineseDate('2026-03-06')).toBe('2026年03月06日');
    expect((printedIssue(fixture('bulletin-663.json')) as Printed).number).toBe('（第六六三）');
  });

  it('varied inputs differ from each other and from the base in every paragraph', () => {
    const base = fixture('bulletin-663.json');
    const a = printedIssue(varyIssue(base, 1)) as Printed;
    const b = printedIssue(varyIssue(base, 2)) as Printed;
    const p0 = printedIssue(base) as Printed;
    const paras = (p: Printed): string[] => p.articles.flatMap((x) => x.body.filter((y) => y.type === 'paragraph').map((y) => y.runs.map((r) => r.text).join('')));
    const [pa, pb, pc] = [paras(a), paras(b), paras(p0)];
    pa.forEach((t, i) => {
      expect(t).not.toBe(pb[i]);
      expect(t).not.toBe(pc[i]);
    });
    expect(a.number).not.toBe(b.number);
  });

  it('no eight Han characters in a row are the same text in two variants', () => {
    const text = (fixture('bulletin-663.json') as { articles: { body: { text?: string }[] }[] }).articles[0]!.body[0]!.text!;
    const han = /\p{Script=Han}/u;
    for (const [k1, k2] of [[1, 2], [1, 9], [3, 83], [0, 40], [0, 199], [5, 197]] as const) {
      const a = [...(scramble(text, k1) as string)];
      const b = [...(scramble(text, k2) as string)];
      expect(a).toHaveLength(b.length);
      for (let i = 0; i + 8 <= a.length; i++) {
        const wa = a.slice(i, i + 8);
        if (!wa.every((c) => han.test(c))) continue;
        expect(wa.join('')).not.toBe(b.slice(i, i + 8).join(''));
      }
    }
  });
});
