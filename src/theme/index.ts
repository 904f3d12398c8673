export type { Theme, TextStyle, FontRole, ColorRef } from './types.js';
export { defaultTheme, defaultLeadTemplate } from './default.js';
export { resolveTheme, loadThemeFile, checkTheme, themeSchemaPath, colorOf } from './resolve.js';
