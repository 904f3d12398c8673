export type * from './types.js';
export { composeIssue, documentInfo, articleDestination, type ComposeOptions } from './compose.js';
export { chineseDigits, chineseDate, issueNumberLabel } from './numerals.js';
export { leadText, renderLead, leadFields, type LeadFields, type TemplateLoader } from './lead.js';
export { readImageHeader, type ImageHeader } from './image-size.js';
export { fileImageLoader, type ImageLoader } from './images.js';
