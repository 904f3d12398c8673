// The render worker's entry when the library runs from its TypeScript sources (its own tests
// under vitest, or tsx): registers tsx (a dev dependency) in this worker thread, then loads
// render-worker.ts. The compiled package never comes here: dist/ starts render-worker.js.
const { register } = await import('tsx/esm/api');
register();
await import('./render-worker.ts');
