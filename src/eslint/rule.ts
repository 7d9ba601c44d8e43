// One ESLint rule from one core rule: the same id, messages from the core catalog, the core's
// findings located in ESLint's terms; a safe fix becomes the ESLint fix, the others suggestions.
import type { Rule as ESLintRule } from 'eslint';
import type { Finding, Fix, Rule } from '../core';
import { catalog } from '../core/messages';
import type { Analyses } from './analysis';

/** The message ids every rule can report besides its own: the suppression and failure findings. */
const SHARED_MESSAGE_IDS: readonly string[] = ['unused-suppression', 'internal-error', 'fix.remove-suppression'];

/** An ESLint rule that reports the core rule's findings from the file's shared analysis. */
export function createRule(rule: Rule, analyses: Analyses, docsUrl: string): ESLintRule.RuleModule {
  const id = rule.meta.id;
  const messages = eslintMessages([...rule.meta.messageIds, ...Object.keys(rule.meta.fixes), ...SHARED_MESSAGE_IDS]);
  const hasSafeFix = Object.values(rule.meta.fixes).includes('safe');
  return {
    meta: {
      // The rules that default to info flag slow code, not broken code.
      type: rule.meta.defaultSeverity === 'info' ? 'suggestion' : 'problem',
      docs: { description: rule.meta.description, recommended: true, url: docsUrl },
      messages,
      // Options are `settings.asyncLens`, shared by every rule: the file is analysed once for all.
      schema: [],
      hasSuggestions: true,
      ...(hasSafeFix ? { fixable: 'code' as const } : {}),
    },
    create(context) {
      return {
        Program() {
          const { findings, locale } = analyses.get(context);
          const sourceCode = context.sourceCode;
          const lineBreak = sourceCode.text.includes('\r\n') ? '\r\n' : '\n';
          // ESLint formats a messageId from `meta.messages`, which are English; another locale
          // reports the text the core already worded.
          const byId = locale === 'en';
          for (const finding of findings) {
            if (finding.rule !== id) continue;
            const safe = safeFixOf(finding);
            const suggest = finding.fixes
              .filter((fix) => fix !== safe)
              .map((fix): ESLintRule.SuggestionReportDescriptor => {
                const apply = eslintFix(fix, lineBreak);
                return byId && fix.titleId in messages
                  ? { messageId: fix.titleId, data: fix.data ?? {}, fix: apply }
                  : { desc: fix.title, fix: apply };
              });
            const loc = { start: sourceCode.getLocFromIndex(finding.start), end: sourceCode.getLocFromIndex(finding.end) };
            const wording = byId && finding.messageId in messages ? { messageId: finding.messageId, data: finding.data } : { message: finding.message };
            context.report({ loc, ...wording, ...(safe ? { fix: eslintFix(safe, lineBreak) } : {}), suggest });
          }
        },
      };
    },
  };
}

/** The English catalog's templates for these ids, with ESLint's `{{name}}` placeholders. */
function eslintMessages(ids: readonly string[]): Record<string, string> {
  const english = catalog('en');
  const messages: Record<string, string> = {};
  for (const id of ids) {
    const template = english[id];
    if (template !== undefined) messages[id] = template.replace(/\{(\w+)\}/g, '{{$1}}');
  }
  return messages;
}

/** The fix ESLint applies by itself: the finding's safe fix, the preferred one first (as the CLI's `--fix`). */
function safeFixOf(finding: Finding): Fix | undefined {
  const safe = finding.fixes.filter((fix) => fix.safety === 'safe');
  return safe.find((fix) => fix.isPreferred) ?? safe[0];
}

/** A fix's edits as ESLint fixes, with line breaks in the file's own style. */
function eslintFix(fix: Fix, lineBreak: string): ESLintRule.ReportFixer {
  return (fixer) => fix.edits.map((edit) => fixer.replaceTextRange([edit.start, edit.end], edit.newText.replace(/\r?\n/g, lineBreak)));
}
