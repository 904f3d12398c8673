// The JSON example of shared/design/document-format.md (format v1), verbatim. The design
// folder is not part of the repository but sits beside it (`../shared`, in CI as on the
// development machine), so the example is kept here and doc-examples.test.ts compares it with
// the design document; a missing design document fails that test rather than skipping it.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root, from this file's place in it (tests/document/). */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The shared design folder: `../shared` beside the repository root. BULLETIN_SHARED_DIR
 * overrides it for a checkout that does not sit beside it (a git worktree elsewhere).
 */
export const sharedDir = path.resolve(repoRoot, process.env['BULLETIN_SHARED_DIR'] ?? '../shared');

export const designDocPath = path.join(sharedDir, 'design/document-format.md');

export const docShapeExample = String.raw`{
  "$schema": "../schemas/bulletin.schema.json",
  "bulletin": {
    "title": "全国卫生信息化舆情监测周报",
    "publisher": "北京市卫生健康大数据与政策研究中心"
  },
  "issue": { "number": 666, "date": "2026-03-27" },
  "coverage": {
    "from": "2026-03-21",
    "to": "2026-03-27",
    "topic": "卫生健康大数据与政策研究",
    "scope": "全国主流媒体及政府网站等"
  },
  "lead": "optional: replaces the generated 本期导语 paragraph",
  "articles": [
    {
      "title": "江苏召开“人工智能+医疗健康”路演推进会",
      "source": "央广网",
      "url": "https://js.cnr.cn/xwtt/20260321/t20260321_527558220.shtml",
      "date": "2026-03-21",
      "originalTitle": "省政府召开“人工智能+医疗健康”路演推进会，刘小涛出席并讲话",
      "body": [
        { "type": "paragraph", "text": "3月20日，省政府召开……" },
        { "type": "heading", "text": "联合攻关锻造医院智慧管理“最强大脑”" },
        { "type": "paragraph", "runs": [
            { "text": "打破“数据孤岛”，六大业务主线全贯通。", "bold": true },
            { "text": "该大模型成功打通医院信息系统(HIS)……" },
            { "text": "原文", "href": "https://example.org/a" }
        ] },
        { "type": "image", "src": "images/launch.jpg", "caption": "发布现场", "width": 0.8 }
      ]
    }
  ]
}
`;
