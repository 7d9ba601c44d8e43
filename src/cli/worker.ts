// Worker thread entry for the CLI's pool: analyses each batch of files it is sent, with its own analyzer.
import { parentPort, workerData } from 'node:worker_threads';
import { FileAnalyser } from './analyse-file';
import type { RunSettings } from './analyse-file';
import { errorMessage } from './errors';
import type { WorkerRequest, WorkerResponse } from './run';

function main(): void {
  const port = parentPort;
  if (!port) throw new Error('cli-worker.js runs only as a worker thread of the async-lens CLI');
  const analyser = new FileAnalyser(workerData as RunSettings);
  const answer = (response: WorkerResponse): void => port.postMessage(response);
  port.on('message', (request: WorkerRequest) => {
    // Not awaited: the port's listener cannot wait. analyseAll never rejects; the catch answers
    // the pool anyway, so a batch is never left without a reply.
    void analyser
      .analyseAll(request.files)
      .then((results) => answer({ results }))
      .catch((error: unknown) => answer({ error: errorMessage(error) }));
  });
}

main();
