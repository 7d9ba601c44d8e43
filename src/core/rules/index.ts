// The registry of rules, in the order their findings are documented.
import type { Rule } from '../rule';
import { asyncCallbackIgnored } from './async-callback-ignored';
import { awaitInLoop } from './await-in-loop';
import { blockingInAsync } from './blocking-in-async';
import { floatingPromise } from './floating-promise';
import { unawaitedPromiseAll } from './unawaited-promise-all';

/** Every rule async-lens has. */
export const RULES: readonly Rule[] = [floatingPromise, unawaitedPromiseAll, blockingInAsync, awaitInLoop, asyncCallbackIgnored];

/** The rule with this id, if there is one. */
export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}
