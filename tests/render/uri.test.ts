// PDF 32000-1 §12.6.4.7: a /URI action holds 7-bit ASCII. A link to an IDN host with a
// Chinese path is written in its WHATWG serialisation (punycode host, percent-encoded path),
// so a viewer opens it; the link's text on the page stays as the author wrote it.
import { describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib';
import { renderIssue } from '../../src/index.js';
import { sampleIssue } from '../compose/sample.js';

async function uris(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf);
  const out: string[] = [];
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const a = annots!.lookup(i, PDFDict);
      const action = a.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString);
      if (uri) out.push(uri instanceof PDFHexString ? `hex:${uri.asString()}` : uri.asString());
    }
  }
  return out;
}

describe('/URI of link annotations', () => {
  it('is 7-bit ASCII: the host in punycode, the rest percent-encoded', async () => {
    const issue = sampleIssue();
    issue.articles[0]!.url = 'https://例子.中国/路径?q=值';
    const got = await uris(await renderIssue(issue));
    expect(got).toContain('https://xn--fsqu00a.xn--fiqs8s/%E8%B7%AF%E5%BE%84?q=%E5%80%BC');
    for (const u of got) expect(u).toMatch(/^[\x21-\x7e]+$/);
  });
});
