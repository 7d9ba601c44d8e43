// `--format sarif`: the exact document of a small run, validity against the SARIF 2.1.0 schema
// (from @microsoft/jest-sarif) on the examples, and a validator that can fail.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { makeTree, removeTree, runCli } from './helpers';

const PACKAGE_ROOT = path.join(__dirname, '..', '..');
const VERSION = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const DOCS = 'https://github.com/async-lens/async-lens/blob/main/docs/rules';

/**
 * The SARIF 2.1.0 schema compiled with ajv 8. The file is draft-04 (`id`, not `$id`), which ajv 8
 * reads once the id is renamed; one of its patterns is not valid with the `u` flag, and its
 * `required` lists name properties it does not declare, so those two strict checks are off.
 */
function sarifValidator(): ValidateFunction {
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv({ allErrors: true, strictRequired: false, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///base/'));
  ajv.addFormat('date-time', (value: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value));
  return ajv.compile(schema);
}

const validate = sarifValidator();

/** The schema errors of a document, one line each, for assertion messages. */
function schemaErrors(): string {
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`).join('\n');
}

const TREE = {
  // A safe fix: an insertion, so the deleted region is empty.
  'src/a.ts': [
    'async function x() { return 1; }',
    'export async function f() {',
    '  const [a, b] = Promise.all([x(), x()]);',
    '  return a + b;',
    '}',
    '',
  ].join('\n'),
  // A space in the name (encoded in the URI), a suppressed finding (not a result) and a reported one.
  'src/b c.mts': 'async function load() {}\nload(); // async-lens-disable-line floating-promise\nload();\n',
  // A fix with three edits, one of them on another line; reported as info (SARIF "note").
  'src/c.ts': "import { readFileSync } from 'node:fs';\nexport async function read() {\n  return readFileSync('x');\n}\n",
};

/** A location in one of the tree's files. */
function artifact(uri: string): { uri: string; uriBaseId: string } {
  return { uri, uriBaseId: '%SRCROOT%' };
}

function region(startLine: number, startColumn: number, endLine: number, endColumn: number): Record<string, number> {
  return { startLine, startColumn, endLine, endColumn };
}

describe('cli: --format sarif', () => {
  let root: string;
  beforeEach(() => {
    root = makeTree(TREE);
  });
  afterEach(() => removeTree(root));

  it('writes the exact document of a small run, with rules, locations and fixes', () => {
    const run = runCli(['--format', 'sarif', '--rule', 'floating-promise=error', '--rule', 'blocking-in-async=info', '.'], root);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, '1 error, 1 warning, 1 info in 3 of 3 files analysed\n');
    const document = JSON.parse(run.stdout) as unknown;
    assert.ok(run.stdout.endsWith('}\n'));
    assert.deepEqual(document, {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'async-lens',
              version: VERSION,
              semanticVersion: VERSION,
              informationUri: 'https://github.com/async-lens/async-lens',
              rules: [
                {
                  id: 'floating-promise',
                  shortDescription: { text: 'A promise is created and dropped: not awaited, returned, `void`-ed or given a rejection handler.' },
                  helpUri: `${DOCS}/floating-promise.md`,
                  defaultConfiguration: { level: 'warning' },
                },
                {
                  id: 'unawaited-promise-all',
                  shortDescription: {
                    text: 'A `Promise.all/allSettled/race/any(…)` that is never awaited, returned or passed on, or is read as if it were its results.',
                  },
                  helpUri: `${DOCS}/unawaited-promise-all.md`,
                  defaultConfiguration: { level: 'warning' },
                },
                {
                  id: 'blocking-in-async',
                  shortDescription: {
                    text: 'Synchronous blocking work inside async code: `*Sync` file, process, crypto and zlib calls, `Atomics.wait`, busy-wait loops.',
                  },
                  helpUri: `${DOCS}/blocking-in-async.md`,
                  defaultConfiguration: { level: 'warning' },
                },
                {
                  id: 'await-in-loop',
                  shortDescription: {
                    text: 'A loop awaits one call per iteration, though its iterations are independent: each waits for the previous one to finish.',
                  },
                  helpUri: `${DOCS}/await-in-loop.md`,
                  defaultConfiguration: { level: 'note' },
                },
                {
                  id: 'async-callback-ignored',
                  shortDescription: {
                    text: 'An async function is passed where its promise is thrown away: to `forEach`, an array predicate, an event listener or a timer.',
                  },
                  helpUri: `${DOCS}/async-callback-ignored.md`,
                  defaultConfiguration: { level: 'warning' },
                },
              ],
            },
          },
          originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(root).href}/` } },
          columnKind: 'utf16CodeUnits',
          results: [
            {
              ruleId: 'unawaited-promise-all',
              ruleIndex: 1,
              level: 'warning',
              message: { text: '`Promise.all(…)` is destructured as if it were its results; it is a promise.' },
              locations: [{ physicalLocation: { artifactLocation: artifact('src/a.ts'), region: region(3, 18, 3, 41) } }],
              fixes: [
                {
                  description: { text: 'Add `await` to the initializer (every use reads the results)' },
                  artifactChanges: [
                    {
                      artifactLocation: artifact('src/a.ts'),
                      replacements: [{ deletedRegion: region(3, 18, 3, 18), insertedContent: { text: 'await ' } }],
                    },
                  ],
                  properties: { safety: 'safe' },
                },
              ],
            },
            {
              ruleId: 'floating-promise',
              ruleIndex: 0,
              level: 'error',
              message: { text: 'The promise from `load(…)` is dropped: it is not awaited, returned or given a rejection handler.' },
              locations: [{ physicalLocation: { artifactLocation: artifact('src/b%20c.mts'), region: region(3, 1, 3, 7) } }],
              fixes: [
                {
                  description: { text: 'Add `.catch((error) => …)`' },
                  artifactChanges: [
                    {
                      artifactLocation: artifact('src/b%20c.mts'),
                      replacements: [
                        {
                          deletedRegion: region(3, 1, 3, 7),
                          insertedContent: { text: 'load().catch((error: unknown) => {\n  console.error(error);\n})' },
                        },
                      ],
                    },
                  ],
                  properties: { safety: 'unsafe' },
                },
                {
                  description: { text: 'Mark as ignored on purpose with `void`' },
                  artifactChanges: [
                    {
                      artifactLocation: artifact('src/b%20c.mts'),
                      replacements: [{ deletedRegion: region(3, 1, 3, 7), insertedContent: { text: 'void load()' } }],
                    },
                  ],
                  properties: { safety: 'unsafe' },
                },
              ],
            },
            {
              ruleId: 'blocking-in-async',
              ruleIndex: 2,
              level: 'note',
              message: {
                text: '`readFileSync` blocks the event loop inside async code; `readFile` from `node:fs/promises` does the same work without blocking.',
              },
              locations: [{ physicalLocation: { artifactLocation: artifact('src/c.ts'), region: region(3, 10, 3, 27) } }],
              fixes: [
                {
                  description: { text: 'Await the `node:fs/promises` version' },
                  artifactChanges: [
                    {
                      artifactLocation: artifact('src/c.ts'),
                      replacements: [
                        { deletedRegion: region(1, 1, 1, 1), insertedContent: { text: "import { readFile } from 'node:fs/promises';\n" } },
                        { deletedRegion: region(3, 10, 3, 22), insertedContent: { text: 'readFile' } },
                        { deletedRegion: region(3, 10, 3, 10), insertedContent: { text: 'await ' } },
                      ],
                    },
                  ],
                  properties: { safety: 'unsafe' },
                },
              ],
            },
          ],
        },
      ],
    });
    assert.equal(validate(document), true, schemaErrors());
  });

  it('writes a valid document with no results for a clean run, exit 0', () => {
    const clean = makeTree({ 'ok.ts': 'export const one = 1;\n' });
    try {
      const run = runCli(['--format', 'sarif'], clean);
      assert.equal(run.status, 0);
      assert.equal(run.stderr, 'No findings in 1 file analysed.\n');
      const document = JSON.parse(run.stdout) as { runs: { results: unknown[] }[] };
      assert.deepEqual(document.runs[0]?.results, []);
      assert.equal(validate(document), true, schemaErrors());
    } finally {
      removeTree(clean);
    }
  });

  it('is valid SARIF 2.1.0 on the examples, with a result per finding of the JSON report', () => {
    const examples = path.join(PACKAGE_ROOT, 'examples');
    const sarif = runCli(['--format', 'sarif', '.'], examples);
    const json = runCli(['--format', 'json', '.'], examples);
    assert.equal(sarif.status, 1);
    assert.equal(sarif.stderr, json.stderr);
    const document = JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string; locations: unknown[] }[] }[] };
    assert.equal(validate(document), true, schemaErrors());
    const findings = (JSON.parse(json.stdout) as { diagnostics: { rule: string }[] }).diagnostics;
    assert.ok(findings.length >= 5, `the examples hold a mistake each; saw ${findings.length}`);
    assert.deepEqual(
      document.runs[0]?.results.map((result) => result.ruleId),
      findings.map((finding) => finding.rule),
    );
    // Fixes cross from worker threads intact: the same document as in-process.
    const onWorkers = runCli(['--format', 'sarif', '.'], examples, { ASYNC_LENS_WORKERS: '2' });
    assert.equal(onWorkers.stdout, sarif.stdout);
  });

  it('writes the report to --output, and the summary still to stderr', () => {
    const run = runCli(['--format', 'sarif', '--output', 'report.sarif', 'src/a.ts'], root);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, '1 warning in 1 of 1 file analysed\n');
    assert.equal(validate(JSON.parse(readFileSync(path.join(root, 'report.sarif'), 'utf8'))), true, schemaErrors());
  });
});

describe('the SARIF schema validator', () => {
  const minimal = (result: Record<string, unknown>): unknown => ({
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'async-lens' } }, results: [result] }],
  });

  it('accepts a minimal valid result', () => {
    assert.equal(validate(minimal({ ruleId: 'floating-promise', level: 'warning', message: { text: 'm' } })), true, schemaErrors());
  });

  it('rejects a level SARIF does not define, a result without a message, and 0-based lines', () => {
    assert.equal(validate(minimal({ ruleId: 'floating-promise', level: 'info', message: { text: 'm' } })), false);
    assert.ok(schemaErrors().includes('/runs/0/results/0/level must be equal to one of the allowed values'), schemaErrors());
    assert.equal(validate(minimal({ ruleId: 'floating-promise', level: 'warning' })), false);
    assert.ok(schemaErrors().includes("must have required property 'message'"), schemaErrors());
    const zeroLine = {
      message: { text: 'm' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'a.ts' }, region: { startLine: 0 } } }],
    };
    assert.equal(validate(minimal(zeroLine)), false);
    assert.ok(schemaErrors().includes('/region/startLine must be >= 1'), schemaErrors());
  });

  it('rejects another SARIF version', () => {
    assert.equal(validate({ version: '2.0.0', runs: [] }), false);
  });
});
