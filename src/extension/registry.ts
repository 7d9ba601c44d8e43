// The one registry of the client's commands and settings. `package.json` `contributes` must say the
// same: `test/manifest.test.ts` checks both directions. Pure data (no `vscode` import), so plain
// mocha can read it.

/** The extension's id: `publisher.name` in `package.json`. */
export const EXTENSION_ID = 'async-lens.async-lens';

/** The configuration section the client contributes and the server reads (`workspace/configuration`). */
export const SETTINGS_SECTION = 'asyncLens';

/** The code action kind of our fix-all (safe fixes only). */
export const FIX_ALL_KIND = 'source.fixAll.async-lens';

/** A command the extension contributes and registers. */
export interface CommandSpec {
  id: string;
  title: string;
  category: string;
}

/** The commands, in the order the palette lists them. */
export const COMMANDS = {
  analyzeWorkspace: { id: 'asyncLens.analyzeWorkspace', title: 'Analyze Workspace', category: 'async-lens' },
  showRuleDoc: { id: 'asyncLens.showRuleDoc', title: 'Show Rule Documentation', category: 'async-lens' },
  restartServer: { id: 'asyncLens.restartServer', title: 'Restart Language Server', category: 'async-lens' },
} as const satisfies Record<string, CommandSpec>;

/** The rule ids a severity can be set for (the core's registry; `test/manifest.test.ts` keeps them in step). */
export const RULE_IDS = [
  'floating-promise',
  'unawaited-promise-all',
  'blocking-in-async',
  'await-in-loop',
  'async-callback-ignored',
] as const;

/** A JSON-schema fragment of one setting, as `contributes.configuration.properties` holds it. */
export interface SettingSchema {
  type: 'object' | 'string' | 'number' | 'integer' | 'boolean' | 'array';
  default: unknown;
  description?: string;
  markdownDescription?: string;
  scope: 'resource' | 'window' | 'machine-overridable' | 'language-overridable' | 'application';
  enum?: readonly string[];
  enumDescriptions?: readonly string[];
  minimum?: number;
  items?: { type: string };
  properties?: Record<string, unknown>;
  additionalProperties?: boolean | Record<string, unknown>;
}

const SEVERITY = {
  type: 'string',
  enum: ['off', 'info', 'warning', 'error'],
} as const;

/** The settings under `asyncLens.*` (keys without the section). */
export const SETTINGS = {
  rules: {
    type: 'object',
    default: {},
    markdownDescription:
      'Severity per rule: `off`, `info`, `warning` or `error`. A rule left out keeps its default severity, e.g. `{ "await-in-loop": "off" }`.',
    scope: 'resource',
    properties: Object.fromEntries(RULE_IDS.map((id) => [id, { ...SEVERITY, markdownDescription: `Severity of [\`${id}\`](https://github.com/async-lens/async-lens/blob/main/docs/rules/${id}.md).` }])),
    additionalProperties: false,
  },
  run: {
    type: 'string',
    default: 'onType',
    enum: ['onType', 'onSave'],
    enumDescriptions: ['Analyze while typing (debounced).', 'Analyze when a file is opened or saved.'],
    description: 'When to analyze an open file.',
    scope: 'resource',
  },
  debounceMs: {
    type: 'number',
    default: 150,
    minimum: 0,
    description: 'Milliseconds to wait after the last keystroke before analyzing (when run is onType).',
    scope: 'resource',
  },
  maxFileSize: {
    type: 'number',
    default: 5 * 1024 * 1024,
    minimum: 0,
    description: 'Files larger than this many bytes are skipped (with a note in the output channel).',
    scope: 'resource',
  },
  showAsyncioAnalogues: {
    type: 'boolean',
    default: true,
    description: 'Show the Python asyncio analogue in the hover of a finding.',
    scope: 'resource',
  },
  blockingCalls: {
    type: 'array',
    default: [],
    items: { type: 'string' },
    markdownDescription:
      'More calls `blocking-in-async` reports, each `module.call -> replacement`, e.g. `"better-sqlite3.prepare -> a worker thread"`.',
    scope: 'resource',
  },
  includeTestFiles: {
    type: 'boolean',
    default: false,
    markdownDescription:
      'Also report `blocking-in-async` in test files (`**/*.test.*`, `**/*.spec.*`, `test/**`, `__tests__/**`), which are skipped by default.',
    scope: 'resource',
  },
  locale: {
    type: 'string',
    default: 'auto',
    enum: ['auto', 'en', 'zh-cn'],
    enumDescriptions: ["Follow VS Code's display language.", 'English.', 'Simplified Chinese (简体中文).'],
    description: 'The language of finding messages, fix titles and hovers.',
    scope: 'window',
  },
} as const satisfies Record<string, SettingSchema>;

/** The documents the server analyses: file and untitled TypeScript and JavaScript (React variants too). */
export const LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'] as const;

/** The file extensions "Analyze workspace" collects. */
export const SOURCE_GLOB = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
