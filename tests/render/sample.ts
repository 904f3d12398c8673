// A two-page hand-made page model that uses every kind of item: lines in all four faces,
// a justified line, a "——" ligature, rules, an image, URI and internal links, named
// destinations, an outline, footers as artifacts, a TOC.
import { deflateSync } from 'node:zlib';
import type { PageModel } from '../../src/layout/types.js';
import { a4, lineItem, model } from './helpers.js';

/** A w×h RGB PNG of one colour, built by hand (deterministic, no codec). */
export function solidPng(w: number, h: number, [r, g, b]: [number, number, number]): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => [r, g, b]).flat())]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]),
  );
}

export const URL_1 = 'https://www.nhc.gov.cn/guihuaxxs/s3585u/202501/abc.shtml?a=1&b=2';

export function sampleModel(): PageModel {
  const p1 = a4([
    lineItem([{ text: '全国卫生信息化舆情监测周报', face: 'NotoSerifSC-Black.gb2312', size: 26, color: '#C00000' }], 128, 100, { type: 'H1', id: 'title' }),
    { kind: 'rule', x1: 60, y1: 122, x2: 535, y2: 122, thickness: 2, color: '#C00000', struct: { type: 'Artifact', id: 'rule-1' } },
    lineItem([{ text: '一、信息目录', face: 'NotoSansSC-Bold.gb2312', size: 16 }], 60, 160, { type: 'H2', id: 'toc-head' }),
    lineItem([{ text: '1. 国家卫健委发布数字健康规划', size: 12 }], 84, 184, { type: 'TOCI', id: 'toci-1' }),
    lineItem([{ text: '2. 第二篇文章的标题', size: 12 }], 84, 204, { type: 'TOCI', id: 'toci-2' }),
    lineItem([{ text: '二、本期导语', face: 'NotoSansSC-Bold.gb2312', size: 16 }], 60, 240, { type: 'H2', id: 'lead-head' }),
    lineItem(
      [{ text: '“健康中国”——卫生信息化：', size: 12 }, { text: '重点工作', face: 'NotoSerifSC-Bold', size: 12 }, { text: '……《报告》（2025）。', size: 12 }],
      84,
      266,
      { type: 'P', id: 'p-1' },
      0.75,
    ),
    lineItem([{ text: '原文链接：', size: 10.5 }, { text: URL_1, size: 10.5, color: '#0000FF', href: URL_1 }], 60, 286, { type: 'P', id: 'p-1' }),
    { kind: 'image', x: 200, y: 310, width: 195, height: 90, data: solidPng(26, 12, [40, 90, 160]), format: 'png', struct: { type: 'Figure', id: 'fig-1', alt: '图1 示意图' } },
    lineItem([{ text: '图1 示意图', size: 10.5 }], 270, 420, { type: 'Caption', id: 'cap-1' }),
    lineItem([{ text: '正文第一段跨页的段落，', size: 12 }], 84, 450, { type: 'P', id: 'p-2' }),
    lineItem([{ text: '— 1 —', size: 10.5 }], 280, 800, { type: 'Artifact', id: 'footer-1' }),
  ]);
  const urlLine = p1.items[7];
  if (urlLine?.kind !== 'line') throw new Error('sample: url line');
  const urlFragment = urlLine.line.fragments[1]!;
  p1.links.push(
    { x: 84, y: 172, width: 300, height: 16, target: { type: 'dest', name: 'article-1' }, structId: 'toci-1' },
    { x: 84, y: 192, width: 300, height: 16, target: { type: 'dest', name: 'article-2' }, structId: 'toci-2' },
    { x: 60 + urlFragment.x, y: 276, width: urlFragment.width, height: 14, target: { type: 'uri', uri: URL_1 }, structId: 'p-1' },
  );
  p1.destinations.push({ name: 'toc', x: 60, y: 140 });
  const p2 = a4(
    [
      lineItem([{ text: '它在第二页继续。', size: 12 }], 60, 90, { type: 'P', id: 'p-2' }),
      lineItem([{ text: '1. 国家卫健委发布数字健康规划', face: 'NotoSerifSC-Bold', size: 14 }], 60, 130, { type: 'H4', id: 'article-1' }),
      lineItem([{ text: '2. 第二篇文章的标题', face: 'NotoSerifSC-Bold', size: 14 }], 60, 170, { type: 'H4', id: 'article-2' }),
      lineItem([{ text: '— 2 —', size: 10.5 }], 280, 800, { type: 'Artifact', id: 'footer-2' }),
    ],
    2,
  );
  p2.destinations.push({ name: 'article-1', x: 60, y: 112 }, { name: 'article-2', x: 60, y: 152 });
  return model([p1, p2], {
    outline: [
      { title: '一、信息目录', page: 0, y: 140, children: [] },
      {
        title: '三、文章',
        page: 1,
        y: 112,
        children: [
          { title: '1. 国家卫健委发布数字健康规划', page: 1, y: 112, children: [] },
          { title: '2. 第二篇文章的标题', page: 1, y: 152, children: [] },
        ],
      },
    ],
  });
}
