import { makeJpeg, makePng } from './image-bytes.js';
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

/** A real (small, valid) PNG of the given size: the composer checks images all the way through. */
export function pngBytes(width: number, height: number): Uint8Array {
  return makePng(width, height);
}

/** A real baseline JPEG of the given size, from the canvas encoder. */
export function jpegBytes(width: number, height: number): Uint8Array {
  return makeJpeg(width, height);
}
