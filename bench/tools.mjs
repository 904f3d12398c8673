// The tools under test, each loaded once per process: load() → render(issue) → PDF bytes.
export const toolNames = ['ours', 'typst', 'pdfmake'];
/** Warm figures for reference only, never a target: Typst keeping its memo cache between renders. */
export const referenceTools = ['typst-memo'];

const dist = new URL('../dist/', import.meta.url);

/** Imports a module of dist/; a missing or broken stage becomes a reason, never a crash. */
export async function tryImport(rel) {
  try {
    return { mod: await import(new URL(rel, dist).href) };
  } catch (err) {
    return { error: `dist/${rel}: ${String(err?.message ?? err).split('\n')[0]}` };
  }
}

export async function loadTool(name) {
  if (name === 'ours') {
    const { mod, error } = await tryImport('index.js');
    if (!mod) throw new Error(error);
    if (typeof mod.renderIssue !== 'function') throw new Error('dist/index.js has no renderIssue');
    return (issue) => mod.renderIssue(issue);
  }
  if (name === 'typst') {
    const { renderTypst } = await import('./peers/typst.mjs');
    return async (issue) => renderTypst(issue);
  }
  if (name === 'typst-memo') {
    const { renderTypst } = await import('./peers/typst.mjs');
    return async (issue) => renderTypst(issue, { keepCache: true });
  }
  if (name === 'pdfmake') {
    const { renderPdfmake } = await import('./peers/pdfmake.mjs');
    return renderPdfmake;
  }
  throw new Error(`unknown tool ${name}`);
}
