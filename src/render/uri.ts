// A PDF /URI action holds a 7-bit ASCII string (PDF 32000-1 §12.6.4.7): a link to
// https://例子.中国/路径 written as is becomes mojibake or a dead link in viewers. The WHATWG
// serialisation is that ASCII form: the host in punycode, everything else percent-encoded.

/** The URL as PDF's /URI wants it: printable 7-bit ASCII. Throws TypeError when `url` is not a URL. */
export function uriForPdf(url: string): string {
  let href: string;
  try {
    href = new URL(url).href;
  } catch {
    throw new TypeError(`not a valid URL: ${JSON.stringify(url)}`);
  }
  // The serialiser already encodes all non-ASCII; this only guards what it leaves (none known).
  return href.replace(/[^\x21-\x7e]/gu, (ch) =>
    [...new TextEncoder().encode(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}
