// bulletin-press is an ES module only: `require('bulletin-press')` lands here (the `require`
// condition of package.json "exports") and says how to load it instead.
'use strict';
throw new Error(
  "bulletin-press is ESM-only and cannot be loaded with require(). Use `import { renderIssue } from 'bulletin-press'` in an ES module, or `const { renderIssue } = await import('bulletin-press')` from CommonJS.",
);
