export { renderReply, pickTemplate, type RenderOptions, type RenderKind } from './render';
export { RenderError } from './errors';
export { chooseReplyLang } from './lang';
export { chooseAnswer } from './answers';
export { formatDue, longestDue } from './due';
export { weightedLength, MAX_WEIGHTED_LENGTH, DEFAULT_TEXT_RULE } from './length';
export { cleanName } from './name';
export { VARIABLES, scanVariables, fill, type Vars, type Variable } from './variables';
export type { Templates, Bilingual, CategoryTemplates, Answer } from './types';
