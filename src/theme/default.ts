// The center's house style (typography.md): A4, 37 characters of 12 pt Song per line,
// 21 pt line pitch, red masthead.
import { fileURLToPath } from 'node:url';
import type { TextStyle, Theme } from './types.js';

const MM = 72 / 25.4;

const BLACK = '#000000';
const RED = '#C8161D';

function style(s: Partial<TextStyle> & Pick<TextStyle, 'font' | 'size' | 'pitch'>): TextStyle {
  return { color: 'text', align: 'left', indent: 0, spaceBefore: 0, spaceAfter: 0, ...s };
}

/** src/theme/ and dist/theme/ both sit next to compose/templates/ (the build copies it). */
export const defaultLeadTemplate = fileURLToPath(new URL('../compose/templates/lead.hbs', import.meta.url));

export const defaultTheme: Theme = {
  page: {
    width: 595.28,
    height: 841.89,
    textWidth: 37 * 12,
    marginTop: 30 * MM,
    marginBottom: 28 * MM,
    grid: true,
  },
  fonts: {
    body: ['NotoSerifSC-Regular', 'NotoSerifSC-Bold'],
    bold: ['NotoSerifSC-Bold', 'NotoSerifSC-Regular'],
    masthead: ['NotoSerifSC-Black.gb2312', 'NotoSerifSC-Bold', 'NotoSerifSC-Regular'],
    heading: ['NotoSansSC-Bold.gb2312', 'NotoSerifSC-Bold', 'NotoSerifSC-Regular'],
  },
  colors: { text: BLACK, accent: RED, link: '#0563C1' },
  styles: {
    mastheadTitle: style({ font: 'masthead', size: 26, pitch: 42, color: 'accent', align: 'center', spaceAfter: 4 }),
    issueNumber: style({ font: 'body', size: 14, pitch: 28, align: 'center', spaceAfter: 8 }),
    publisherRow: style({ font: 'body', size: 12, pitch: 21 }),
    leadLabel: style({ font: 'heading', size: 14, pitch: 28, spaceBefore: 14 }),
    lead: style({ font: 'body', size: 12, pitch: 21, align: 'justify', indent: 2 }),
    sectionHeading: style({ font: 'heading', size: 15, pitch: 28, spaceBefore: 14 }),
    tocEntry: style({ font: 'body', size: 12, pitch: 21 }),
    articleHeading: style({ font: 'bold', size: 14, pitch: 28, spaceBefore: 14 }),
    articleMeta: style({ font: 'body', size: 12, pitch: 21 }),
    articleLabel: style({ font: 'bold', size: 12, pitch: 21 }),
    articleLink: style({ font: 'body', size: 12, pitch: 21 }),
    articleTitle: style({ font: 'bold', size: 14, pitch: 28, align: 'center', spaceBefore: 7 }),
    articleDateline: style({ font: 'body', size: 10.5, pitch: 21, align: 'center', spaceAfter: 7 }),
    originalTitle: style({ font: 'body', size: 12, pitch: 21, align: 'center' }),
    body: style({ font: 'body', size: 12, pitch: 21, align: 'justify', indent: 2 }),
    subheading: style({ font: 'bold', size: 12, pitch: 21, indent: 2, spaceBefore: 10.5 }),
    caption: style({ font: 'body', size: 10.5, pitch: 18, align: 'center' }),
    footer: style({ font: 'body', size: 12, pitch: 21, align: 'center' }),
  },
  masthead: { minTitleSize: 12 },
  rule: { color: 'accent', thick: 2.5, thin: 0.75, gap: 1.5, spaceBefore: 5, spaceAfter: 12 },
  contents: { leader: '.', leaderGap: 3 },
  flow: { minFill: 0.75, headerSpaceMin: 7, linkSplitAfter: 2 },
  hyphenation: { language: 'en-us', minBefore: 2, minAfter: 3 },
  image: { spaceBefore: 7, spaceAfter: 7, captionGap: 4 },
  footer: { baselineFromBottom: 14 * MM, format: '— {n} —' },
  labels: {
    lead: '本期导语：',
    contents: '一、信息目录',
    articles: '二、具体内容',
    source: '来源：',
    link: '链接：',
    summary: '主要内容：',
    originalTitle: '原标题：',
  },
  templates: { lead: defaultLeadTemplate },
};
