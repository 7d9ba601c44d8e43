// The hover of a finding: the rule doc's "What it flags" and "Why it matters" (first paragraphs),
// the finding's fixes, then "The asyncio analogue" unless hidden, and the doc's address. The labels
// come from the core catalog, the sections from the doc of the same locale.
import type { Finding } from '../core';
import { format } from '../core/messages';
import { orderFixes } from './actions';
import type { RuleDoc } from './rule-docs';

/** The Markdown of one finding's hover, its labels in `locale`. */
export function hoverMarkdown(finding: Finding, doc: RuleDoc, href: string, showAsyncioAnalogue: boolean, locale = 'en'): string {
  const label = (id: string, data: Record<string, string> = {}): string => format(locale, id, data);
  const parts: string[] = [`**async-lens: ${finding.rule}**: ${finding.message}`];
  // The doc's sections, falling back to the finding's own why-note while a doc is unwritten.
  if (doc.whatItFlags) parts.push(label('hover.what-it-flags', { text: doc.whatItFlags }));
  parts.push(label('hover.why-it-matters', { text: doc.whyItMatters ?? finding.why }));
  const fixes = orderFixes(finding.fixes);
  if (fixes.length > 0) {
    const titles = fixes.map((fix) => (fix.safety === 'safe' ? label('hover.safe-fix', { title: fix.title }) : fix.title));
    parts.push(label('hover.fixes', { fixes: titles.join(label('hover.fix-separator')) }));
  }
  if (showAsyncioAnalogue && doc.asyncioAnalogue) parts.push(`${label('hover.asyncio-analogue')}\n\n${doc.asyncioAnalogue}`);
  parts.push(`[${label('hover.documentation', { rule: finding.rule })}](${href})`);
  return parts.join('\n\n');
}
