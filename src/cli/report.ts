// Formatters: the text report (grouped by file, with code frames and a summary) and the JSON one.
import type { Diagnostic } from './analyse-file';

/** A diagnostic with the file it belongs to, as the report shows it. */
export interface ReportedDiagnostic extends Diagnostic {
  /** Relative to the working directory, with `/` separators. */
  file: string;
}

/** Counts for the summary line. */
export interface RunCounts {
  analysed: number;
  skipped: number;
}

/** ANSI styles; `plain` when colour is off. */
interface Palette {
  file(text: string): string;
  severity(severity: Diagnostic['severity'], text: string): string;
  dim(text: string): string;
}

const PLAIN: Palette = {
  file: (text) => text,
  severity: (_severity, text) => text,
  dim: (text) => text,
};

const SEVERITY_COLOUR: Readonly<Record<Diagnostic['severity'], string>> = { error: '31', warning: '33', info: '36' };

const COLOURED: Palette = {
  file: (text) => `\u001b[1m${text}\u001b[22m`,
  severity: (severity, text) => `\u001b[${SEVERITY_COLOUR[severity]}m${text}\u001b[39m`,
  dim: (text) => `\u001b[2m${text}\u001b[22m`,
};

/** Orders diagnostics by file, line and column (stable, so the core's order breaks ties). */
export function sortDiagnostics(diagnostics: ReportedDiagnostic[]): ReportedDiagnostic[] {
  return diagnostics.sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/** The JSON report: `{"version":1,"diagnostics":[…]}` and a line break. */
export function formatJson(diagnostics: readonly ReportedDiagnostic[]): string {
  const report = {
    version: 1,
    diagnostics: diagnostics.map((d) => ({
      file: d.file,
      rule: d.rule,
      severity: d.severity,
      message: d.message,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
    })),
  };
  return `${JSON.stringify(report)}\n`;
}

/** The text report: each finding with its code frame, a blank line between files, then the summary. */
export function formatText(diagnostics: readonly ReportedDiagnostic[], counts: RunCounts, colour: boolean): string {
  const palette = colour ? COLOURED : PLAIN;
  const lines: string[] = [];
  let previousFile: string | undefined;
  for (const d of diagnostics) {
    if (previousFile !== undefined && d.file !== previousFile) lines.push('');
    previousFile = d.file;
    lines.push(
      `${palette.file(`${d.file}:${d.line}:${d.column}`)}  ${palette.severity(d.severity, d.severity)}  ${d.message}  ${palette.dim(d.rule)}`,
      ...codeFrame(d, palette),
    );
  }
  if (lines.length > 0) lines.push('');
  lines.push(summarise(diagnostics, counts));
  return `${lines.join('\n')}\n`;
}

/** The finding's first line under a gutter, and carets under its range on that line. */
function codeFrame(d: Diagnostic, palette: Palette): string[] {
  const number = String(d.line);
  const gutter = ' '.repeat(number.length);
  const start = Math.min(d.column - 1, d.lineText.length);
  const end = d.endLine === d.line ? Math.min(d.endColumn - 1, d.lineText.length) : d.lineText.length;
  // Tabs stay tabs under the code, so the carets line up however wide the terminal draws them.
  const padding = d.lineText.slice(0, start).replace(/[^\t]/g, ' ');
  const carets = '^'.repeat(Math.max(1, end - start));
  return [
    `  ${palette.dim(`${number} |`)} ${d.lineText}`.trimEnd(),
    `  ${palette.dim(`${gutter} |`)} ${padding}${palette.severity(d.severity, carets)}`,
  ];
}

/** `3 warnings, 1 info in 2 of 14 files analysed`, or `No findings in 14 files analysed.` */
export function summarise(diagnostics: readonly ReportedDiagnostic[], counts: RunCounts): string {
  const skipped = counts.skipped > 0 ? ` (${counts.skipped} skipped)` : '';
  const analysed = `${count(counts.analysed, 'file', 'files')} analysed${skipped}`;
  if (diagnostics.length === 0) return `No findings in ${analysed}.`;
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) bySeverity[d.severity] += 1;
  const parts = [
    plural(bySeverity.error, 'error', 'errors'),
    plural(bySeverity.warning, 'warning', 'warnings'),
    plural(bySeverity.info, 'info', 'info'),
  ].filter((part) => part !== '');
  const files = new Set(diagnostics.map((d) => d.file)).size;
  return `${parts.join(', ')} in ${files} of ${analysed}`;
}

/** `1 file`, `2 files`. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Like `count`, but nothing for zero. */
function plural(n: number, one: string, many: string): string {
  return n === 0 ? '' : count(n, one, many);
}
