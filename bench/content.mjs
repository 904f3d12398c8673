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

/** Appends a tag to a paragraph (to its last run): the same paragraph, different characters. */
function tagParagraph(b, tag) {
  if (b.type !== 'paragraph') return b;
  if ('runs' in b) {
    const runs = b.runs.map((r) => ({ ...r }));
    const last = runs[runs.length - 1];
    last.text += tag;
    return { ...b, runs };
  }
  return { ...b, text: b.text + tag };
}

/**
 * One input per render, so that no cache (ours, Typst's memo) can hand back a stored result:
 * the issue number changes and every paragraph gets a short tag.
 */
export function varyIssue(issue, k) {
  const tag = `（${k}）`;
  return {
    ...issue,
    issue: { ...issue.issue, number: 1 + ((issue.issue.number + k) % 99999) },
    articles: issue.articles.map((a) => ({ ...a, body: a.body.map((b) => tagParagraph(b, tag)) })),
  };
}

/**
 * A long issue: the articles of `sources` repeated `times` times; every repeat is varied
 * (title and paragraphs tagged with the repeat number) so that no paragraph is set twice.
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
        articles.push({ ...a, title: a.title + tag, body: a.body.map((b) => tagParagraph(b, tag)) });
      }
    }
  }
  return { ...base, articles };
}
