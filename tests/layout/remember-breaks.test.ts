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
    const variants = [run('12'), run('12', { size: 13 }), run('12', { color: '#ff0000' }), run('12', { href: 'https://x.org' }), run('12', { keepTogether: true }), run('12', { faces: ['B', 'A'] }), run('12', { faces: ['A'] })];
    const outs = variants.map((r) => memo(base([r])));
    expect(new Set(outs).size).toBe(variants.length);
    expect(memo(base([run('1'), run('2')]))).not.toBe(outs[0]);
    expect(calls).toHaveLength(variants.length + 1);
  });

  it('tells measures apart, including a field given on one input and absent on the other', () => {
    const { calls, breaker } = counting();
    const memo = rememberBreaks(breaker);
    const runs = [run(long)];
    const outs = [
      memo(base(runs)),
      memo({ ...base(runs), width: 443 }),
      memo({ ...base(runs), indent: 24 }),
      memo({ ...base(runs), restIndent: 12 }),
      memo({ ...base(runs), lastLineReserve: 30 }),
      memo({ ...base(runs), align: 'justify' }),
      memo({ ...base(runs), hyphenation: false }),
    ];
    expect(new Set(outs).size).toBe(outs.length);
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
