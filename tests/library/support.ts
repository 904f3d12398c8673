// A small valid issue for the library tests (issue 14: a library a service can run).
import path from 'node:path';
import type { Issue } from '../../src/index.js';

export const root = path.resolve(import.meta.dirname, '../..');

export function smallIssue(body: Issue['articles'][number]['body'] = [{ type: 'paragraph', text: '这是一段测试文字。' }]): Issue {
  return {
    bulletin: { title: '全国卫生信息化舆情监测周报', publisher: '北京市卫生健康大数据与政策研究中心' },
    issue: { number: 1070, date: '2026-03-27' },
    coverage: { from: '2026-03-21', to: '2026-03-27', topic: '卫生健康大数据与政策研究', scope: '全国主流媒体及政府网站等' },
    articles: [{ title: '测试文章', source: '人民网', url: 'https://example.org/a', body }],
  };
}
