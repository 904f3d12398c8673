export type { Theme, TextStyle, FontRole, ColorRef, ThemeOverride, DeepPartial } from './types.js';
export { defaultTheme, defaultLeadTemplate } from './default.js';
export { resolveTheme, readThemeFile, checkTheme, themeSchemaPath, colorOf, type ResolveOptions, type ThemeFile } from './resolve.js';
