// Writes fixtures/bulletin-long.json: a 24-article issue built from the texts of the real
// issues (fixtures/bulletin-663, -666, -mixed), so that page breaks land inside long article
// headers (long titles, 链接 URLs of 300–400 characters), next to sub-headings and bare URLs.
// Deterministic: run `node tests/typography/make-long-fixture.mjs` after changing it.
import { readFileSync, writeFileSync } from 'node:fs';

const load = (n) => JSON.parse(readFileSync(new URL(`../../fixtures/bulletin-${n}.json`, import.meta.url), 'utf8'));
const sources = ['663', '666', 'mixed'].map(load);
const articles = sources.flatMap((s) => s.articles);
const textOf = (b) => ('text' in b ? b.text : b.runs.map((r) => r.text).join(''));
// Chinese paragraphs only: the English article's half-width punctuation would be mixed with full-width.
const paragraphs = articles.flatMap((a) => a.body.filter((b) => b.type === 'paragraph' && !/[,()]/.test(textOf(b))));
const headings = articles.flatMap((a) => a.body.filter((b) => b.type === 'heading').map((b) => b.text));

let seed = 20260410;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rand() * 16)]).join('');
/** A realistic long tracking URL of about `length` characters. */
function longUrl(host, length) {
  let url = `https://${host}/xwzx/gzdt/2026/04/${hex(8)}/content_${Math.floor(rand() * 9e6)}.shtml?source=weekly-digest&channel=health-informatics`;
  const keys = ['utm_source', 'utm_medium', 'utm_campaign', 'ref', 'sessionid', 'trace', 'sign'];
  while (url.length < length - 40) url += `&${pick(keys)}=${hex(12 + Math.floor(rand() * 20))}`;
  return `${url}&token=${hex(Math.max(4, length - url.length - 7))}`;
}

const outlets = [
  ['人民网', 'health.people.com.cn'],
  ['新华网', 'www.news.cn'],
  ['健康报', 'www.jkb.com.cn'],
  ['中国新闻网', 'www.chinanews.com.cn'],
  ['经济日报', 'www.ce.cn'],
  ['北京日报', 'bjrb.bjd.com.cn'],
  ['国家卫生健康委员会', 'www.nhc.gov.cn'],
  ['央广网', 'china.cnr.cn'],
];

const bareUrls = [
  (u) => `详细内容可访问${u}。`,
  (u) => `相关数据已在官网公布（${u}），供社会各界查阅。`,
  (u) => `报告全文见“${u}”，欢迎下载。`,
  (u) => `The full report is available at ${u}.`,
  (u) => `申报入口：${u}，截止时间为2026年04月30日。`,
];

const out = [];
for (let i = 0; i < 24; i++) {
  const base = articles[i % articles.length];
  const [source, host] = outlets[i % outlets.length];
  const longTitle = i % 5 === 1 || i % 7 === 3;
  const title = longTitle ? `${base.title}：${pick(headings).replace(/[“”]/g, '')}，多地推进数字健康服务提质增效` : base.title;
  const longLink = i % 4 === 2 || i % 9 === 5;
  const url = longLink ? longUrl(host, 300 + Math.floor(rand() * 100)) : `https://${host}/n1/2026/04${String(1 + (i % 9)).padStart(2, '0')}/c${14739 + i}-${40120000 + i * 37}.html`;
  const count = [1, 2, 3, 4, 6, 9][Math.floor(rand() * 6)];
  const body = [];
  for (let k = 0; k < count; k++) {
    if (k > 0 && k % 3 === 0 && rand() < 0.7) body.push({ type: 'heading', text: pick(headings) });
    const p = pick(paragraphs);
    body.push(JSON.parse(JSON.stringify(p)));
  }
  if (i % 3 === 0) {
    const u = i % 6 === 0 ? `https://${host}/zwgk/2026-04/${hex(6)}.html` : `http://${host}/data/report-${i}.pdf`;
    body.push({ type: 'paragraph', text: bareUrls[(i / 3) % bareUrls.length](u) });
  }
  const a = { title, source, url, date: `2026-04-${String(1 + (i % 9)).padStart(2, '0')}` };
  if (base.originalTitle !== undefined && i % 2 === 0) a.originalTitle = base.originalTitle;
  out.push({ ...a, body });
}

const issue = {
  $schema: '../schemas/bulletin.schema.json',
  bulletin: sources[0].bulletin,
  issue: { number: 668, date: '2026-04-10' },
  coverage: { from: '2026-04-01', to: '2026-04-10', topic: '卫生健康大数据与政策研究', scope: '全国主流媒体及政府网站等' },
  articles: out,
};
writeFileSync(new URL('../../fixtures/bulletin-long.json', import.meta.url), JSON.stringify(issue, null, 2) + '\n');
