// The break memo of one layout (pipeline.ts rememberBreaks): a paragraph is broken once per
// distinct input, and never answered with the lines of a different one.
import { describe, expect, it } from 'vitest';
import { rememberBreaks } from '../../src/pipeline.js';
import type { BrokenParagraph, ParagraphInput, StyledRun } from '../../src/text/types.js';

const run = (text: string, extra: Partial<StyledRun> = {}): StyledRun => ({ text, faces: ['A', 'B'], size: 12, pointer: '/p', ...extra });
const long = '中'.repeat(300);

function counting(): { calls: ParagraphInput[]; breaker: (input: ParagraphInput) => BrokenParagraph } {
  const calls: ParagraphInput[] = [];
  // Each answer names the call it came from, so a wrong hit shows.
  return { calls, breaker: (input) => (calls.push(structuredClone(input)), { text: String(calls.length), lines: [] }) };
}

const base = (runs: StyledRun[]): ParagraphInput => ({ runs, width: 444, indent: 0, align: 'left', pointer: '/p' });

describe('rememberBreaks', () => {
  it('breaks the same runs array with the same measure once', () => {
    const { calls, breaker } = counting();
    const memo = rememberBreaks(breaker);
    const runs = [run(long)];
    const a = memo(base(runs));
    const b = memo(base(runs));
    expect(b).toBe(a);
    expect(calls).toHaveLength(1);
  });

  it('breaks short lines made afresh once by their content', () => {
    const { calls, breaker } = counting();
    const memo = rememberBreaks(breaker);
    const a = memo(base([run('……')]));
    expect(memo(base([run('……')]))).toBe(a);
    expect(calls).toHaveLength(1);
  });

  it('tells short lines apart by every field of their runs', () => {
    const { calls, breaker } = counting();
    const memo = rememberBreaks(breaker);
    // One changed value per field of StyledRun: a field added to the type fails to compile
    // here until it has one, and then this test fails until the memo compares it.
    const changed: { [K in keyof StyledRun]-?: StyledRun[K] } = {
      text: '13',
      faces: ['B', 'A'],
      size: 13,
      color: '#ff0000',
      href: 'https://x.org',
      pointer: '/q',
      keepTogether: true,
    };
    const variants = [run('12'), ...Object.entries(changed).map(([k, v]) => run('12', { [k]: v })), run('12', { faces: ['A'] })];
    const outs = variants.map((r) => memo(base([r])));
    expect(new Set(outs).size).toBe(variants.length);
    expect(memo(base([run('1'), run('2')]))).not.toBe(outs[0]);
    expect(calls).toHaveLength(variants.length + 1);
  });

  it('tells measures apart, including a field given on one input and absent on the other', () => {
    const { calls, breaker } = counting();
    const memo = rememberBreaks(breaker);
    const runs = [run(long)];
    // One changed value per field but the runs, kept complete by the type as above.
    const changed: { [K in Exclude<keyof ParagraphInput, 'runs'>]-?: ParagraphInput[K] } = {
      width: 443,
      indent: 24,
      restIndent: 12,
      lastLineReserve: 30,
      align: 'justify',
      pointer: '/q',
      hyphenation: false,
    };
    const outs = [memo(base(runs)), ...Object.entries(changed).map(([k, v]) => memo({ ...base(runs), [k]: v }))];
    expect(new Set(outs).size).toBe(outs.length);
    expect(calls).toHaveLength(outs.length);
    // And each again: answered from the memo.
    for (const [k, v] of Object.entries(changed)) memo({ ...base(runs), [k]: v });
    expect(calls).toHaveLength(outs.length);
  });

  it('is not fooled by a caller that changes its input object and asks again', () => {
    // Layout sets restIndent on the title's input after breaking it once (measure.ts).
    for (const text of [long, '短标题']) {
      const { calls, breaker } = counting();
      const memo = rememberBreaks(breaker);
      const input = base([run(text)]);
      const first = memo(input);
      input.restIndent = 12.5;
      const second = memo(input);
      expect(second).not.toBe(first);
      expect(calls[1]!.restIndent).toBe(12.5);
      input.runs[0]!.size = 10;
      if (text !== long) expect(memo(input)).not.toBe(second);
    }
  });
});
