// Document information dictionary and its XMP twin. Both carry the issue date, never the
// wall clock, so the bytes depend on the input only. PDF/A wants the two to agree entry by
// entry (Title ↔ dc:title, ModDate ↔ xmp:ModifyDate, …), hence one source for both.
import type { DocumentInfo } from '../layout/types.js';

/** 00:00 China time (UTC+8, no daylight saving) of a YYYY-MM-DD issue date. */
export function issueDate(date: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const d = m ? new Date(`${date}T00:00:00+08:00`) : new Date(NaN);
  if (Number.isNaN(d.getTime())) throw new Error(`render: issue date '${date}' is not a YYYY-MM-DD date`);
  return d;
}

export function producer(version: string): string {
  return `bulletin-press ${version}`;
}

export function keywordList(keywords: readonly string[]): string {
  return keywords.join(', ');
}

/** The /Info entries, in a fixed order; empty fields are left out. */
export function documentInfo(info: DocumentInfo, version: string, date: Date): Record<string, string | Date> {
  const out: Record<string, string | Date> = {};
  if (info.title) out.Title = info.title;
  if (info.author) out.Author = info.author;
  if (info.subject) out.Subject = info.subject;
  if (info.keywords.length) out.Keywords = keywordList(info.keywords);
  out.Creator = producer(version);
  out.Producer = producer(version);
  out.CreationDate = date;
  out.ModDate = date;
  return out;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** XMP date as pdfkit writes CreateDate (UTC, seconds): equal to the /Info date string. */
function xmpDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The rdf:Description blocks pdfkit's _addInfo would write, escaped, plus the dates and language. */
export function xmpInfo(info: DocumentInfo, version: string, date: Date): string {
  const when = xmpDate(date);
  const parts: string[] = [];
  parts.push(`<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreateDate>${when}</xmp:CreateDate>
<xmp:ModifyDate>${when}</xmp:ModifyDate>
<xmp:MetadataDate>${when}</xmp:MetadataDate>
<xmp:CreatorTool>${esc(producer(version))}</xmp:CreatorTool>
</rdf:Description>`);
  const dc: string[] = [];
  if (info.title) dc.push(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${esc(info.title)}</rdf:li></rdf:Alt></dc:title>`);
  if (info.author) dc.push(`<dc:creator><rdf:Seq><rdf:li>${esc(info.author)}</rdf:li></rdf:Seq></dc:creator>`);
  if (info.subject) dc.push(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${esc(info.subject)}</rdf:li></rdf:Alt></dc:description>`);
  if (info.keywords.length) dc.push(`<dc:subject><rdf:Bag>${info.keywords.map((k) => `<rdf:li>${esc(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`);
  if (info.lang) dc.push(`<dc:language><rdf:Bag><rdf:li>${esc(info.lang)}</rdf:li></rdf:Bag></dc:language>`);
  dc.push('<dc:format>application/pdf</dc:format>');
  parts.push(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
${dc.join('\n')}
</rdf:Description>`);
  const pdf = [`<pdf:Producer>${esc(producer(version))}</pdf:Producer>`];
  if (info.keywords.length) pdf.push(`<pdf:Keywords>${esc(keywordList(info.keywords))}</pdf:Keywords>`);
  parts.push(`<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
${pdf.join('\n')}
</rdf:Description>`);
  return parts.join('\n');
}
