// The public face of the analyzer core, for the hosts (CLI, language server, ESLint plugin).
export { Analyzer, compareFindings } from './analyzer';
export type { AnalysisResult, AnalysisStats, FileOptions } from './analyzer';
export { applyChanges, parse, update } from './document';
export type { ParseResult, TextChange } from './document';
export { format, LOCALES } from './messages';
export { findRule, RULES } from './rules/index';
export type { Rule } from './rule';
export type * from './types';
