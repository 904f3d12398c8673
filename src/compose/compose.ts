// Issue → blocks: the bulletin's fixed structure (masthead, lead, contents, articles) with
// the theme's styles applied. Labels and numbering are generated here; the author's text is
// passed on exactly as written.
import type { Article, BodyBlock, Issue } from '../document/types.js';
import type { StyledRun } from '../text/types.js';
import type { TextStyle, Theme } from '../theme/types.js';
import { colorOf } from '../theme/resolve.js';
import type { Block, BlockStruct, Composed, DocumentInfo, ImageBlock, RuleBlock, StructRole, TextBlock } from './types.js';
import { chineseDate, issueNumberLabel } from './numerals.js';
import { fileTemplateLoader, leadText, type TemplateLoader } from './lead.js';
import { fileImageLoader, loadGivenImage, loadImage, type ImageLimits, type ImageLoader } from './images.js';
import { linkBareUrls } from './autolink.js';
import { styledRun } from '../text/styled-run.js';

export interface ComposeOptions {
  /** Folder of the issue file: image paths are relative to it and confined to it. */
  baseDir?: string;
  loadImage?: ImageLoader;
  /**
   * The images' bytes by `src`, given in memory (a service with no disk): when set, every
   * image comes from here (checked as a file's bytes are) and none from baseDir.
   */
  images?: ReadonlyMap<string, Uint8Array>;
  /** Size and pixel limits of every image (defaults: 20 MB, 40 megapixels). */
  imageLimits?: ImageLimits;
  loadTemplate?: TemplateLoader;
}

/** Destination name of article i (0-based). */
export function articleDestination(i: number): string {
  return `article-${i + 1}`;
}

class Composer {
  private readonly blocks: Block[] = [];
  private ids = 0;

  constructor(
    private readonly issue: Issue,
    private readonly theme: Theme,
    private readonly options: ComposeOptions,
  ) {}

  private struct(role: StructRole, extra: Partial<BlockStruct> = {}): BlockStruct {
    this.ids += 1;
    return { role, id: `${role.toLowerCase()}-${this.ids}`, ...extra };
  }

  private run(text: string, style: TextStyle, pointer: string, extra: Partial<StyledRun> = {}): StyledRun {
    return styledRun(text, { faces: this.theme.fonts[style.font], size: style.size, color: colorOf(this.theme, style.color), pointer, ...extra });
  }

  private text(
    style: TextStyle,
    runs: StyledRun[],
    pointer: string,
    role: StructRole,
    more: Partial<TextBlock> = {},
  ): TextBlock {
    return {
      kind: 'text',
      pointer,
      runs,
      align: style.align,
      indent: style.indent * style.size,
      size: style.size,
      pitch: style.pitch,
      spaceBefore: style.spaceBefore,
      spaceAfter: style.spaceAfter,
      keepWithNext: 0,
      keepTogether: false,
      struct: this.struct(role),
      ...more,
    };
  }

  /** Running text sits on the baseline grid (when its pitch is the grid's); labels and titles between it are spaced to fit. */
  private onGrid(style: TextStyle): Partial<TextBlock> {
    const grid = this.theme.styles.body.pitch;
    return this.theme.page.grid && style.pitch === grid ? { grid } : {};
  }

  private push(...b: Block[]): void {
    this.blocks.push(...b);
  }

  compose(): Block[] {
    this.masthead();
    this.lead();
    this.contents();
    this.articles();
    return this.blocks;
  }

  private masthead(): void {
    const { issue, theme } = this;
    const s = theme.styles;
    this.push(
      this.text(s.mastheadTitle, [this.run(issue.bulletin.title, s.mastheadTitle, '/bulletin/title')], '/bulletin/title', 'H1', {
        shrinkToFit: { minSize: theme.masthead.minTitleSize },
        keepTogether: true,
        keepWithNext: 1,
      }),
      this.text(s.issueNumber, [this.run(issueNumberLabel(issue.issue.number), s.issueNumber, '/issue/number')], '/issue/number', 'P', {
        keepTogether: true,
        keepWithNext: 1,
      }),
      this.text(s.publisherRow, [this.run(issue.bulletin.publisher, s.publisherRow, '/bulletin/publisher')], '/bulletin/publisher', 'P', {
        keepTogether: true,
        keepWithNext: 1,
        tail: { kind: 'text', runs: [this.run(chineseDate(issue.issue.date), s.publisherRow, '/issue/date')] },
      }),
    );
    const r = theme.rule;
    const thinOffset = r.thick + r.gap + r.thin / 2;
    const rule: RuleBlock = {
      kind: 'rule',
      pointer: '',
      color: colorOf(theme, r.color),
      height: r.thick + r.gap + r.thin,
      lines: [
        { offset: r.thick / 2, thickness: r.thick },
        { offset: thinOffset, thickness: r.thin },
      ],
      spaceBefore: r.spaceBefore,
      spaceAfter: r.spaceAfter,
      keepWithNext: 1,
      keepTogether: true,
      struct: this.struct('Artifact'),
    };
    this.push(rule);
  }

  private lead(): void {
    const s = this.theme.styles;
    const pointer = this.issue.lead !== undefined ? '/lead' : '/coverage';
    const text = leadText(this.issue, this.theme.templates.lead, this.options.loadTemplate ?? fileTemplateLoader);
    this.push(
      this.text(s.leadLabel, [this.run(this.theme.labels.lead, s.leadLabel, pointer)], pointer, 'H2', { keepWithNext: 2, keepTogether: true }),
      this.text(s.lead, [this.run(text, s.lead, pointer)], pointer, 'P', this.onGrid(s.lead)),
    );
  }

  /** 一、信息目录 / 二、具体内容: a top outline entry, kept with what follows. */
  private sectionHeading(label: string): void {
    const s = this.theme.styles.sectionHeading;
    this.push(
      this.text(s, [this.run(label, s, '/articles')], '/articles', 'H2', {
        keepWithNext: 2,
        keepTogether: true,
        outline: { level: 0, title: label },
      }),
    );
  }

  private contents(): void {
    const { theme } = this;
    const s = theme.styles;
    this.sectionHeading(theme.labels.contents);
    const toc = this.struct('TOC');
    const st = s.tocEntry;
    this.issue.articles.forEach((a, i) => {
      const p = `/articles/${i}`;
      const entry = this.text(
        st,
        [this.run(`${i + 1}. `, st, p), this.run(a.title, st, `${p}/title`), this.run(`（${a.source}）`, st, `${p}/source`, { keepTogether: true })],
        p,
        'TOCI',
        {
          ...this.onGrid(st),
          hangRuns: 1,
          keepTogether: true,
          linkTo: articleDestination(i),
          tail: {
            kind: 'pageRef',
            destination: articleDestination(i),
            style: { faces: theme.fonts[st.font], size: st.size, color: colorOf(theme, st.color), pointer: p },
            leader: theme.contents.leader,
            leaderGap: theme.contents.leaderGap,
          },
        },
      );
      entry.struct.parent = toc.id;
      this.push(entry);
    });
  }

  private articles(): void {
    this.sectionHeading(this.theme.labels.articles);
    this.issue.articles.forEach((a, i) => this.article(a, i));
  }

  private article(a: Article, i: number): void {
    const { theme } = this;
    const s = theme.styles;
    const L = theme.labels;
    const p = `/articles/${i}`;
    // Every header block keeps with the next, the last one with two lines of body. The header
    // has one fixed pattern: it leads into the body on the grid (the grid's remainder goes
    // above it), and the space above it shrinks before it moves to the next page.
    const header = { keepWithNext: 2, keepTogether: true, gridLead: true };
    this.push(
      this.text(s.articleHeading, [this.run(`${i + 1}. `, s.articleHeading, `${p}/title`), this.run(a.title, s.articleHeading, `${p}/title`)], `${p}/title`, 'H3', {
        ...header,
        minSpaceBefore: theme.flow.headerSpaceMin,
        destination: articleDestination(i),
        outline: { level: 1, title: a.title },
      }),
      this.text(s.articleMeta, [this.run(L.source, s.articleLabel, `${p}/source`), this.run(a.source, s.articleMeta, `${p}/source`)], `${p}/source`, 'P', header),
      this.text(
        s.articleLink,
        [
          this.run(L.link, s.articleLabel, `${p}/url`),
          this.run(a.url, s.articleLink, `${p}/url`, { color: theme.colors.link, href: a.url }),
        ],
        `${p}/url`,
        'P',
        // A wrapped URL continues under its own first character, clear of the label. When the
        // page would otherwise end too short, a long URL may break after its second line, and
        // the header may break after the URL (before 主要内容).
        { ...header, hangRuns: 1, splitAfter: theme.flow.linkSplitAfter, softBreakAfter: true },
      ),
      this.text(s.articleMeta, [this.run(L.summary, s.articleLabel, p)], p, 'P', header),
      this.text(s.articleTitle, [this.run(a.title, s.articleTitle, `${p}/title`)], `${p}/title`, 'P', header),
    );
    const dateline: StyledRun[] = [];
    if (a.date !== undefined) dateline.push(this.run(`${a.date} `, s.articleDateline, `${p}/date`));
    dateline.push(this.run(`${L.source}${a.source}`, s.articleDateline, `${p}/source`));
    this.push(this.text(s.articleDateline, dateline, `${p}/source`, 'P', header));
    if (a.originalTitle !== undefined) {
      const q = `${p}/originalTitle`;
      this.push(this.text(s.originalTitle, [this.run(`${L.originalTitle}${a.originalTitle}`, s.originalTitle, q)], q, 'P', header));
    }
    a.body.forEach((b, j) => this.push(this.bodyBlock(b, `${p}/body/${j}`)));
  }

  private bodyBlock(b: BodyBlock, p: string): Block {
    const { theme } = this;
    const s = theme.styles;
    if (b.type === 'heading') {
      // It belongs to what follows: the grid's remainder goes above it, not below.
      return this.text(s.subheading, [this.run(b.text, s.subheading, `${p}/text`)], p, 'H4', { keepWithNext: 2, keepTogether: true, gridLead: true });
    }
    if (b.type === 'paragraph') {
      const runs =
        'runs' in b
          ? b.runs.map((r, k) => {
              const style = r.bold ? { ...s.body, font: 'bold' as const } : s.body;
              const extra: Partial<StyledRun> = r.href !== undefined ? { href: r.href, color: theme.colors.link } : {};
              return this.run(r.text, style, `${p}/runs/${k}`, extra);
            })
          : [this.run(b.text, s.body, `${p}/text`)];
      // A bare URL in the text is a link too, with the same rules as an href.
      return this.text(s.body, linkBareUrls(runs, theme.colors.link), p, 'P', this.onGrid(s.body));
    }
    return this.image(b, p);
  }

  private image(b: Extract<BodyBlock, { type: 'image' }>, p: string): ImageBlock {
    const { theme } = this;
    const { images } = this.options;
    const img = images
      ? loadGivenImage(b.src, images, p, this.options.imageLimits)
      : loadImage(b.src, this.options.baseDir, p, this.options.loadImage ?? fileImageLoader, this.options.imageLimits);
    const width = (b.width ?? 1) * theme.page.textWidth;
    const figure = this.struct('Figure', b.caption !== undefined ? { alt: b.caption } : {});
    const block: ImageBlock = {
      kind: 'image',
      pointer: p,
      data: img.data,
      format: img.format,
      pixelWidth: img.width,
      pixelHeight: img.height,
      width,
      height: (width * img.height) / img.width,
      captionGap: theme.image.captionGap,
      spaceBefore: theme.image.spaceBefore,
      spaceAfter: theme.image.spaceAfter,
      keepWithNext: 0,
      keepTogether: true,
      struct: figure,
    };
    if (b.caption !== undefined) {
      const cs = theme.styles.caption;
      block.caption = this.text(cs, [this.run(b.caption, cs, `${p}/caption`)], `${p}/caption`, 'Caption', { keepTogether: true });
    }
    return block;
  }
}

/** The metadata of an issue: title with its number, publisher, coverage, the outlets as keywords. */
export function documentInfo(issue: Issue): DocumentInfo {
  const sources: string[] = [];
  for (const a of issue.articles) if (!sources.includes(a.source)) sources.push(a.source);
  return {
    title: `${issue.bulletin.title}${issueNumberLabel(issue.issue.number)}`,
    author: issue.bulletin.publisher,
    subject: `${issue.coverage.topic}（${chineseDate(issue.coverage.from)}至${chineseDate(issue.coverage.to)}）`,
    keywords: sources,
    date: issue.issue.date,
    lang: 'zh-CN',
  };
}

/** The blocks of an issue in reading order, and its metadata. Throws IssueValidationError for unusable images. */
export function composeIssue(issue: Issue, theme: Theme, options: ComposeOptions = {}): Composed {
  return { blocks: new Composer(issue, theme, options).compose(), info: documentInfo(issue) };
}
