// A small, complete, valid issue: every field and block kind of format v1 appears once, and
// punctuation is consistently full-width (so it raises no warning). Tests and the invalid
// fixtures start from a fresh copy and break one thing.
import type { Issue } from '../../src/document/types.js';

export function baseIssue(): Issue {
  return {
    $schema: '../../schemas/bulletin.schema.json',
    bulletin: { title: '全国卫生信息化舆情监测周报', publisher: '北京市卫生健康大数据与政策研究中心' },
    issue: { number: 666, date: '2026-03-27' },
    coverage: { from: '2026-03-21', to: '2026-03-27', topic: '卫生健康大数据与政策研究', scope: '全国主流媒体及政府网站等' },
    articles: [
      {
        title: '江苏召开“人工智能+医疗健康”路演推进会',
        source: '央广网',
        url: 'https://js.cnr.cn/xwtt/20260321/t20260321_527558220.shtml',
        date: '2026-03-21',
        originalTitle: '省政府召开“人工智能+医疗健康”路演推进会，刘小涛出席并讲话',
        body: [
          { type: 'paragraph', text: '3月20日，省政府召开“人工智能+医疗健康”路演推进会。' },
          {
            type: 'paragraph',
            runs: [
              { text: '打破“数据孤岛”，六大业务主线全贯通。', bold: true },
              { text: '该大模型成功打通医院信息系统（HIS）。' },
              { text: '原文', href: 'https://example.org/a' },
            ],
          },
          { type: 'heading', text: '联合攻关锻造医院智慧管理“最强大脑”' },
          { type: 'image', src: 'images/launch.jpg', caption: '发布现场', width: 0.8 },
        ],
      },
      {
        title: '北京妇幼健康主要指标达国际先进',
        source: '人民网',
        url: 'http://paper.people.com.cn/rmrhbwb/pc/content/202603/24/content_30146893.html',
        body: [{ type: 'paragraph', text: '近日，北京市“十四五”时期妇幼健康工作交上亮眼答卷。' }],
      },
    ],
  };
}

// The tests reach into documents freely to break them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = Record<string, any>;

/** A fresh base issue with one thing broken by `mutate`. */
export function broken(mutate: (d: Loose) => void): Loose {
  const d = baseIssue() as unknown as Loose;
  mutate(d);
  return d;
}

/** The errors of a result that must be a rejection. */
export function errorsOf(r: { ok: true } | { ok: false; errors: import('../../src/errors.js').IssueError[] }): import('../../src/errors.js').IssueError[] {
  if (r.ok) throw new Error('expected the document to be rejected');
  return r.errors;
}
