// The printed strings of an issue, in reading order: the one source of text for every tool in
// the benchmark, so Typst, pdfmake and our engine set the same characters. Written apart from
// src/compose on purpose (the peers must not depend on our build), with the same labels as
// the default theme.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const fontsDir = fileURLToPath(new URL('../fonts/', import.meta.url));

export const labels = {
  lead: '本期导语：',
  contents: '一、信息目录',
  articles: '二、具体内容',
  source: '来源：',
  link: '链接：',
  summary: '主要内容：',
  originalTitle: '原标题：',
};

const DIGITS = '〇一二三四五六七八九';

/** 663 → 六六三: digit by digit, as an issue number is read. */
export function chineseDigits(n) {
  return String(n).replace(/[0-9]/g, (d) => DIGITS[Number(d)]);
}

/** 2026-03-06 → 2026年03月06日 */
export function chineseDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${m[2]}月${m[3]}日` : iso;
}

export function leadText(issue) {
  if (issue.lead !== undefined) return issue.lead;
  const c = issue.coverage;
  return `本期周报共收集${issue.articles.length}篇${c.topic}相关信息，时间从${chineseDate(c.from)}到${chineseDate(c.to)}，监测范围包括${c.scope}。`;
}

/**
 * The issue as printed strings.
 * @returns {{ title: string, number: string, publisher: string, date: string,
 *   leadLabel: string, lead: string, contents: string, articlesLabel: string,
 *   articles: Array<{ n: number, title: string, source: string, url: string, dateline: string,
 *     sourceLabel: string, linkLabel: string, summaryLabel: string,
 *     originalTitle?: string, body: Array<{ type: 'paragraph', runs: Array<{ text: string, bold?: boolean, href?: string }> } | { type: 'heading', text: string }> }> }}
 */
export function printedIssue(issue) {
  return {
    title: issue.bulletin.title,
    number: `（第${chineseDigits(issue.issue.number)}）`,
    publisher: issue.bulletin.publisher,
    date: chineseDate(issue.issue.date),
    leadLabel: labels.lead,
    lead: leadText(issue),
    contents: labels.contents,
    articlesLabel: labels.articles,
    articles: issue.articles.map((a, i) => ({
      n: i + 1,
      title: a.title,
      source: a.source,
      url: a.url,
      sourceLabel: labels.source,
      linkLabel: labels.link,
      summaryLabel: labels.summary,
      dateline: `${a.date !== undefined ? `${a.date} ` : ''}${labels.source}${a.source}`,
      ...(a.originalTitle !== undefined ? { originalTitle: `${labels.originalTitle}${a.originalTitle}` } : {}),
      // Images are left out of the benchmark: the fixtures have none, and peers load them differently.
      body: a.body
        .filter((b) => b.type !== 'image')
        .map((b) =>
          b.type === 'heading'
            ? { type: 'heading', text: b.text }
            : { type: 'paragraph', runs: 'runs' in b ? b.runs.map((r) => ({ ...r })) : [{ text: b.text }] },
        ),
    })),
  };
}

export function readFixture(name) {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
}

const HAN = /\p{Script=Han}/u;
// Common characters of every face's coverage; 8 positions × 25 characters: variants 0–199 all differ.
const FILLERS = '〇一二三四五六七八九十百千万亿甲乙丙丁戊己庚辛壬癸';

/**
 * Every 8th Han character of a text replaced by a numeral or stem character, which ones
 * depending on k (variants 0–199 are all different): the same widths and breaks, but no stretch of eight or more Han characters is
 * the same text in two variants. A tag at the end alone is not enough: an engine that caches
 * shaping per word or per script run would still find everything before the tag.
 */
export function scramble(text, k) {
  let i = 0;
  let out = '';
  for (const ch of text) {
    if (HAN.test(ch)) {
      out += (i + k) % 8 === 0 ? FILLERS[(Math.floor(k / 8) + i) % FILLERS.length] : ch;
      i++;
    } else out += ch;
  }
  return out;
}

/** A paragraph made different for variant k: Han characters replaced (scramble), a tag appended. */
function varyParagraph(b, k, tag) {
  if (b.type !== 'paragraph') return b;
  if ('runs' in b) {
    const runs = b.runs.map((r) => ({ ...r, text: scramble(r.text, k) }));
    const last = runs[runs.length - 1];
    last.text += tag;
    return { ...b, runs };
  }
  return { ...b, text: scramble(b.text, k) + tag };
}

/**
 * One input per render, so that no cache (ours, Typst's memo) can hand back a stored result:
 * the issue number changes and every paragraph is varied (varyParagraph).
 */
export function varyIssue(issue, k) {
  const tag = `（${k}）`;
  return {
    ...issue,
    issue: { ...issue.issue, number: 1 + ((issue.issue.number + k) % 99999) },
    articles: issue.articles.map((a) => ({ ...a, body: a.body.map((b) => varyParagraph(b, k, tag)) })),
  };
}

/**
 * A long issue: the articles of `sources` repeated `times` times; every repeat is varied
 * (title tagged, paragraphs varied) so that no paragraph is set twice.
 */
export function repeatIssue(base, sources, times) {
  const articles = [];
  for (let r = 0; r < times; r++) {
    for (const s of sources) {
      for (const a of s.articles) {
        if (r === 0) {
          articles.push(a);
          continue;
        }
        const tag = `（${r + 1}）`;
        // 7919 + r: repeats vary differently from the warm-run variants (small k).
        articles.push({ ...a, title: a.title + tag, body: a.body.map((b) => varyParagraph(b, 7919 + r, tag)) });
      }
    }
  }
  return { ...base, articles };
}
