// The issue document schema, format v1 (shared/design/document-format.md).
//
// This constant is the single source: the validator compiles it, the type tests derive a
// type from it (json-schema-to-ts) to prove src/document/types.ts agrees, and
// schemas/bulletin.schema.json is its exact JSON rendering (a test fails when they differ;
// `npx tsx tests/document/write-schema.ts` rewrites the file). It lives in src/ rather than
// being imported from schemas/ because the build's rootDir is src/.

export const SCHEMA_ID = 'https://bulletin-press.dev/schemas/bulletin.schema.json';

const date = {
  type: 'string',
  format: 'date',
} as const;

// The schema alone (without the engine's post-checks) already refuses other schemes; the
// engine then also parses the URL, so a malformed host is caught too.
const httpUrl = {
  type: 'string',
  pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]',
} as const;

const nonEmpty = {
  type: 'string',
  minLength: 1,
} as const;

export const bulletinSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: SCHEMA_ID,
  title: 'Bulletin issue document (format v1)',
  description:
    'One issue of a bulletin (全国卫生信息化舆情监测周报): masthead, issue number and date, coverage, and the articles in order. The engine validates a document against this schema, then checks that dates are real calendar dates, that coverage.from <= coverage.to, and that links are absolute http(s) URLs.',
  type: 'object',
  additionalProperties: false,
  required: ['bulletin', 'issue', 'coverage', 'articles'],
  properties: {
    $schema: {
      description: 'Optional path or URL of this schema, for editors; ignored by the engine.',
      type: 'string',
    },
    bulletin: {
      description: 'The masthead: what the bulletin is and who issues it.',
      type: 'object',
      additionalProperties: false,
      required: ['title', 'publisher'],
      properties: {
        title: { ...nonEmpty, description: 'The masthead title, e.g. 全国卫生信息化舆情监测周报. Non-empty.' },
        publisher: {
          ...nonEmpty,
          description: "The masthead's issuing body, e.g. 北京市卫生健康大数据与政策研究中心. Non-empty.",
        },
      },
    },
    issue: {
      description: 'Which issue this is.',
      type: 'object',
      additionalProperties: false,
      required: ['number', 'date'],
      properties: {
        number: {
          description: 'Issue number, 1 to 99999; shown digit by digit in Chinese numerals, e.g. （第六六六）.',
          type: 'integer',
          minimum: 1,
          maximum: 99999,
        },
        date: { ...date, description: 'Date of issue, YYYY-MM-DD, a real calendar date; shown as 2026年03月27日.' },
      },
    },
    coverage: {
      description: 'What the issue monitored: the period (from <= to), the topic and the scope; they fill the generated lead.',
      type: 'object',
      additionalProperties: false,
      required: ['from', 'to', 'topic', 'scope'],
      properties: {
        from: { ...date, description: 'First day of the monitored period, YYYY-MM-DD; not after "to".' },
        to: { ...date, description: 'Last day of the monitored period, YYYY-MM-DD; not before "from".' },
        topic: { description: 'The monitored topic, e.g. 卫生健康大数据与政策研究.', type: 'string' },
        scope: { description: 'The monitored sources, e.g. 全国主流媒体及政府网站等.', type: 'string' },
      },
    },
    lead: {
      description:
        'Optional lead paragraph (本期导语). When absent it is generated: 本期周报共收集{N}篇{topic}相关信息，时间从{from}到{to}，监测范围包括{scope}。',
      type: 'string',
    },
    articles: {
      description: 'The articles, in the order they are listed and printed. At least one.',
      type: 'array',
      minItems: 1,
      items: { $ref: '#/$defs/article' },
    },
  },
  $defs: {
    article: {
      description: 'One monitored article: where it came from and its body.',
      type: 'object',
      additionalProperties: false,
      required: ['title', 'source', 'url', 'body'],
      properties: {
        title: { ...nonEmpty, description: 'The headline as printed in the bulletin. Non-empty.' },
        source: { description: 'The outlet, e.g. 人民网.', type: 'string' },
        url: { ...httpUrl, description: 'Link to the original: an absolute http or https URL (no other scheme).' },
        date: { ...date, description: 'Optional publication date of the original, YYYY-MM-DD.' },
        originalTitle: { description: 'Optional original headline; shown as 原标题：….', type: 'string' },
        body: {
          description: 'The article body: paragraphs, sub-headings and images, in order. At least one block.',
          type: 'array',
          minItems: 1,
          items: { $ref: '#/$defs/block' },
        },
      },
    },
    block: {
      description: 'A body block, told apart by "type": paragraph, heading or image.',
      type: 'object',
      required: ['type'],
      discriminator: { propertyName: 'type' },
      oneOf: [{ $ref: '#/$defs/paragraph' }, { $ref: '#/$defs/heading' }, { $ref: '#/$defs/image' }],
    },
    paragraph: {
      description:
        'A body paragraph (first line indented two characters, justified), with exactly one of "text" (plain) or "runs" (styled pieces).',
      type: 'object',
      additionalProperties: false,
      required: ['type'],
      properties: {
        type: { description: 'Block type.', const: 'paragraph' },
        text: { description: 'The paragraph as plain text. Exclusive with "runs".', type: 'string' },
        runs: {
          description: 'The paragraph as styled pieces, in order. Exclusive with "text".',
          type: 'array',
          items: { $ref: '#/$defs/run' },
        },
      },
      oneOf: [
        { type: 'object', required: ['text'] },
        { type: 'object', required: ['runs'] },
      ],
    },
    run: {
      description: 'A piece of paragraph text with one style.',
      type: 'object',
      additionalProperties: false,
      required: ['text'],
      properties: {
        text: { description: 'The text of this piece.', type: 'string' },
        bold: { description: 'Set in the bold face.', type: 'boolean' },
        href: { ...httpUrl, description: 'Makes the piece a link: an absolute http or https URL (no other scheme).' },
      },
    },
    heading: {
      description: 'A sub-heading inside an article; never left alone at the foot of a page.',
      type: 'object',
      additionalProperties: false,
      required: ['type', 'text'],
      properties: {
        type: { description: 'Block type.', const: 'heading' },
        text: { description: 'The sub-heading text.', type: 'string' },
      },
    },
    image: {
      description: 'An image (PNG or JPEG) set on its own, with an optional caption.',
      type: 'object',
      additionalProperties: false,
      required: ['type', 'src'],
      properties: {
        type: { description: 'Block type.', const: 'image' },
        src: {
          description: 'PNG or JPEG path relative to the issue file; a missing or unreadable file is an error naming the block.',
          type: 'string',
        },
        caption: { description: 'Optional caption set under the image.', type: 'string' },
        width: {
          description: 'Optional share of the text width, 0.1 to 1; default 1.',
          type: 'number',
          minimum: 0.1,
          maximum: 1,
        },
      },
    },
  },
} as const;

export type BulletinSchema = typeof bulletinSchema;
