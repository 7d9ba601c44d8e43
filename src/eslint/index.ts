// The ESLint plugin (`async-lens/eslint-plugin`): one ESLint rule per core rule, with the same id,
// and a `recommended` flat config. Files are parsed by `@typescript-eslint/parser`; the core reads
// the TypeScript tree it built, through `parserServices.esTreeNodeToTSNodeMap`.
import type { ESLint, Linter, Rule as ESLintRule } from 'eslint';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../core';
import { findPackageRoot, repositoryUrl, ruleDocUrl } from '../server/rule-docs';
import { Analyses } from './analysis';
import { createRule } from './rule';

const PACKAGE_ROOT = findPackageRoot(__dirname);
const manifest = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const REPOSITORY = repositoryUrl(PACKAGE_ROOT);

/** The prefix of the plugin's rules in a config: `async-lens/floating-promise`. */
const NAMESPACE = 'async-lens';

/**
 * ESLint severities for the core's defaults. Info rules (await-in-loop) are warnings: ESLint has
 * no lower level that still reports, and the CLI reports them by default too.
 */
const ESLINT_SEVERITY = { error: 'error', warning: 'warn', info: 'warn' } as const;

/** One analysis per file, shared by the rules of every config that uses this plugin. */
const analyses = new Analyses();

const rules: Record<string, ESLintRule.RuleModule> = {};
for (const rule of RULES) rules[rule.meta.id] = createRule(rule, analyses, ruleDocUrl(REPOSITORY, rule.meta.id));

let recommended: Linter.Config | undefined;

/** The plugin object ESLint loads. */
const plugin = {
  meta: { name: manifest.name, version: manifest.version, namespace: NAMESPACE },
  rules,
  configs: {
    /**
     * The files the CLI analyses, parsed by `@typescript-eslint/parser`, every rule at its
     * default severity. Built on first use, so that the plugin loads without the parser for
     * configs that bring their own.
     */
    get recommended(): Linter.Config {
      recommended ??= {
        name: `${NAMESPACE}/recommended`,
        files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
        ignores: ['**/*.d.ts'],
        languageOptions: { parser: loadParser() },
        plugins: { [NAMESPACE]: plugin as ESLint.Plugin },
        rules: Object.fromEntries(RULES.map((rule) => [`${NAMESPACE}/${rule.meta.id}`, ESLINT_SEVERITY[rule.meta.defaultSeverity]])),
      };
      return recommended;
    },
  },
};

/** `@typescript-eslint/parser`, the user's own install (a peer dependency). */
function loadParser(): Linter.Parser {
  try {
    return require('@typescript-eslint/parser') as Linter.Parser;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`async-lens: the recommended config needs @typescript-eslint/parser (npm install --save-dev @typescript-eslint/parser): ${reason}`);
  }
}

export = plugin;
