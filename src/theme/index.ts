export type { Theme, TextStyle, FontRole } from './types.js';
export { defaultTheme, defaultLeadTemplate } from './default.js';
export { resolveTheme, loadThemeFile, checkTheme, themeSchemaPath } from './resolve.js';
