import type { Article, Issue } from '../../src/document/types.js';

export function article(i: number, more: Partial<Article> = {}): Article {
  return {
    title: `第${i + 1}条测试信息标题`,
    source: i % 2 === 0 ? '人民网' : '央广网',
    url: `https://example.org/news/${i + 1}.html`,
    date: '2026-03-21',
    body: [{ type: 'paragraph', text: '正文内容。'.repeat(30) }],
    ...more,
  };
}

export function sampleIssue(more: Partial<Issue> = {}, articles = 2): Issue {
  return {
    bulletin: { title: '全国卫生信息化舆情监测周报', publisher: '北京市卫生健康大数据与政策研究中心' },
    issue: { number: 666, date: '2026-03-27' },
    coverage: { from: '2026-02-27', to: '2026-03-06', topic: '卫生健康大数据与政策研究', scope: '全国主流媒体及政府网站等' },
    articles: Array.from({ length: articles }, (_, i) => article(i)),
    ...more,
  };
}

/** A 1×1 PNG header (enough for the size reader; the renderer is not involved here). */
export function pngBytes(width: number, height: number): Uint8Array {
  const b = new Uint8Array(45);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const dv = new DataView(b.buffer);
  dv.setUint32(16, width);
  dv.setUint32(20, height);
  b[24] = 8;
  b[25] = 2;
  return b;
}

/** JPEG with an APP0 segment then a baseline frame header. */
export function jpegBytes(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof = [0xff, 0xc0, 0, 17, 8, height >> 8, height & 255, width >> 8, width & 255, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof, 0xff, 0xd9]);
}
