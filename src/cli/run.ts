// Runs the analysis of many files: in-process for a few, or on a pool of worker threads, each
// with its own analyzer and a larger stack, handed files in batches.
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { FileAnalyser } from './analyse-file';
import type { FileResult, RunSettings } from './analyse-file';

/** From this many files on, a machine with more than one CPU analyses them on worker threads. */
export const WORKER_THRESHOLD = 200;
/** At most this many workers: beyond it, start-up (each loads TypeScript) outweighs the gain. */
const MAX_WORKERS = 4;
/** Stack for each worker, so that deeply nested code still parses there. */
const WORKER_STACK_MB = 64;
/** The environment variable that forces the number of workers (0: in-process), for tests and benchmarks. */
export const WORKERS_VARIABLE = 'ASYNC_LENS_WORKERS';

/** A batch of files for a worker to analyse. */
export interface WorkerRequest {
  files: string[];
}

/** A worker's answer to a batch: its results, or the error that stopped it. */
export type WorkerResponse = { results: FileResult[] } | { error: string };

/** How many workers to use for `fileCount` files (0: analyse in-process). */
export function chooseWorkerCount(fileCount: number, forced: string | undefined): number {
  if (fileCount === 0) return 0;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), fileCount);
  const cpus = availableParallelism();
  if (fileCount < WORKER_THRESHOLD || cpus < 2) return 0;
  return Math.min(cpus, MAX_WORKERS);
}

/** Analyses the files with `workers` threads (0: in-process); results come in the order of `files`. */
export async function analyseFiles(
  files: readonly string[],
  settings: RunSettings,
  workers: number,
  onResult: (result: FileResult) => void,
): Promise<FileResult[]> {
  if (workers === 0) return new FileAnalyser(settings).analyseAll(files, onResult);
  return runPool(files, settings, workers, onResult);
}

async function runPool(
  files: readonly string[],
  settings: RunSettings,
  size: number,
  onResult: (result: FileResult) => void,
): Promise<FileResult[]> {
  // Small batches keep every worker busy to the end; each batch is one message each way.
  const batchSize = Math.max(1, Math.min(50, Math.ceil(files.length / (size * 8))));
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += batchSize) batches.push(files.slice(i, i + batchSize));
  const results: FileResult[] = [];
  const workers: Worker[] = [];
  try {
    const lanes: Array<Promise<void>> = [];
    for (let i = 0; i < size; i++) {
      const worker = new Worker(path.join(__dirname, 'cli-worker.js'), {
        workerData: settings,
        resourceLimits: { stackSizeMb: WORKER_STACK_MB },
      });
      workers.push(worker);
      lanes.push(drain(worker, batches, results, onResult));
    }
    await Promise.all(lanes);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  const order = new Map(files.map((file, index) => [file, index]));
  return results.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
}

/** Hands batches to one worker until none are left. */
async function drain(
  worker: Worker,
  batches: string[][],
  results: FileResult[],
  onResult: (result: FileResult) => void,
): Promise<void> {
  for (let batch = batches.shift(); batch; batch = batches.shift()) {
    const response = await request(worker, { files: batch });
    if ('error' in response) throw new Error(`a worker failed: ${response.error}`);
    for (const result of response.results) {
      results.push(result);
      onResult(result);
    }
  }
}

/** Sends one batch and waits for its answer, or for the worker to fail. */
function request(worker: Worker, message: WorkerRequest): Promise<WorkerResponse> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (response: WorkerResponse): void => {
      cleanup();
      resolve(response);
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number): void => {
      cleanup();
      reject(new Error(`a worker stopped with exit code ${code}`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(message);
  });
}
