// The GitHub Actions report (`--format github`): one workflow command per finding, which GitHub
// shows as an annotation on the line, then a summary line with the counts, since GitHub shows only
// the first ten annotations of each kind in a step.
import type { ReportedDiagnostic, RunCounts } from './report';
import { summarise } from './report';

/** How many annotations of one kind GitHub shows per step. */
export const GITHUB_ANNOTATION_LIMIT = 10;

const COMMANDS: Readonly<Record<ReportedDiagnostic['severity'], string>> = { error: 'error', warning: 'warning', info: 'notice' };
const KIND_NAMES: Readonly<Record<ReportedDiagnostic['severity'], [string, string]>> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['notice', 'notices'],
};

/** The annotations of sorted diagnostics, then the summary line. */
export function formatGithub(diagnostics: readonly ReportedDiagnostic[], counts: RunCounts): string {
  const lines = diagnostics.map((d) => {
    const properties = [
      `file=${escapeProperty(d.file)}`,
      `line=${d.line}`,
      `col=${d.column}`,
      `endLine=${d.endLine}`,
      `endColumn=${d.endColumn}`,
      `title=${escapeProperty(`async-lens ${d.rule}`)}`,
    ];
    return `::${COMMANDS[d.severity]} ${properties.join(',')}::${escapeData(d.message)}`;
  });
  lines.push(`async-lens: ${summarise(diagnostics, counts)}${hiddenNote(diagnostics)}`);
  return `${lines.join('\n')}\n`;
}

/** ` (GitHub shows 10 of each kind per step; 3 warnings not shown above as annotations)`, or nothing. */
function hiddenNote(diagnostics: readonly ReportedDiagnostic[]): string {
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) bySeverity[d.severity] += 1;
  const hidden = (Object.keys(bySeverity) as ReportedDiagnostic['severity'][])
    .map((severity) => {
      const over = bySeverity[severity] - GITHUB_ANNOTATION_LIMIT;
      const [one, many] = KIND_NAMES[severity];
      return over > 0 ? `${over} ${over === 1 ? one : many}` : '';
    })
    .filter((part) => part !== '');
  if (hidden.length === 0) return '';
  return ` (GitHub shows the first ${GITHUB_ANNOTATION_LIMIT} annotations of each kind per step: ${hidden.join(', ')} not shown there)`;
}

/** Escapes a command's message: `%`, CR and LF, as the runner decodes them. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: as data, plus `:` and `,`, which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
