// The hover of a finding: the rule doc's "What it flags" and "Why it matters" (first paragraphs),
// the finding's fixes, then "The asyncio analogue" unless hidden, and the doc's address.
import type { Finding } from '../core';
import { orderFixes } from './actions';
import type { RuleDoc } from './rule-docs';

/** The Markdown of one finding's hover. */
export function hoverMarkdown(finding: Finding, doc: RuleDoc, href: string, showAsyncioAnalogue: boolean): string {
  const parts: string[] = [`**async-lens: ${finding.rule}**: ${finding.message}`];
  // The doc's sections, falling back to the finding's own why-note while a doc is unwritten.
  if (doc.whatItFlags) parts.push(`**What it flags.** ${doc.whatItFlags}`);
  parts.push(`**Why it matters.** ${doc.whyItMatters ?? finding.why}`);
  const fixes = orderFixes(finding.fixes);
  if (fixes.length > 0) {
    parts.push(`**Fix:** ${fixes.map((fix) => `${fix.title}${fix.safety === 'safe' ? ' (safe)' : ''}`).join('; ')}`);
  }
  if (showAsyncioAnalogue && doc.asyncioAnalogue) parts.push(`**The asyncio analogue.**\n\n${doc.asyncioAnalogue}`);
  parts.push(`[${finding.rule} documentation](${href})`);
  return parts.join('\n\n');
}
