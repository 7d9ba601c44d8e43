// The SARIF 2.1.0 report (`--format sarif`), for code-scanning services: one run whose driver lists
// every rule with its doc address, and one result per finding with its location and its fixes.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../core';
import { ruleDocUrl } from '../server/rule-docs';
import type { LocatedFix } from './analyse-file';
import type { ReportedDiagnostic } from './report';

/** The SARIF version and the schema address the document declares. */
const SARIF_VERSION = '2.1.0';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The base id relative artifact locations hang from: the working directory. */
const SRCROOT = '%SRCROOT%';

/** What the report says about the tool. */
export interface SarifTool {
  version: string;
  /** The repository's web address (`package.json` `repository`): rule docs hang from it. */
  repository: string;
}

type Level = 'error' | 'warning' | 'note';

const LEVELS: Readonly<Record<ReportedDiagnostic['severity'], Level>> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * The SARIF document for sorted diagnostics whose `file` is relative to `cwd`. Suppressed findings
 * are not results: the core drops them before any host sees them (see docs/configuration.md).
 */
export function formatSarif(diagnostics: readonly ReportedDiagnostic[], tool: SarifTool, cwd: string): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.meta.id, index]));
  const document = {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: 'async-lens',
            version: tool.version,
            semanticVersion: tool.version,
            informationUri: tool.repository,
            rules: RULES.map((rule) => ({
              id: rule.meta.id,
              shortDescription: { text: rule.meta.description },
              helpUri: ruleDocUrl(tool.repository, rule.meta.id),
              defaultConfiguration: { level: LEVELS[rule.meta.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(cwd) } },
        // Columns count UTF-16 code units, as the text and JSON reports do.
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((d) => {
          const artifactLocation = artifact(d.file, cwd);
          const index = ruleIndex.get(d.rule);
          const result: Record<string, unknown> = {
            ruleId: d.rule,
            // An id outside the driver's list (none today) is still a valid result without an index.
            ...(index !== undefined ? { ruleIndex: index } : {}),
            level: LEVELS[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation,
                  region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
                },
              },
            ],
          };
          if (d.fixes.length > 0) result.fixes = d.fixes.map((fix) => sarifFix(fix, artifactLocation));
          return result;
        }),
      },
    ],
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** A fix: its title, whether it is safe to apply unreviewed, and its edits as replacements. */
function sarifFix(fix: LocatedFix, artifactLocation: ArtifactLocation): unknown {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation,
        replacements: fix.edits.map((edit) => ({
          deletedRegion: { startLine: edit.line, startColumn: edit.column, endLine: edit.endLine, endColumn: edit.endColumn },
          insertedContent: { text: edit.newText },
        })),
      },
    ],
    properties: { safety: fix.safety },
  };
}

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/** A relative path hangs from %SRCROOT%; a file outside the working directory gets its own file URI. */
function artifact(file: string, cwd: string): ArtifactLocation {
  if (path.isAbsolute(file) || file === '..' || file.startsWith('../')) return { uri: pathToFileURL(path.resolve(cwd, file)).href };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** A directory's `file:` URI, ending in `/` as SARIF requires of a base. */
function directoryUri(directory: string): string {
  const href = pathToFileURL(directory).href;
  return href.endsWith('/') ? href : `${href}/`;
}
