/**
 * A lint worker: loads the rule set and the dictionary once, then lints the files it is
 * sent. Results (or a configuration error) go back to the main thread in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigLoader, FileError, loadRuleSet, loadServices } from '../engine/index.js';
import { lintFile } from './lintFiles.js';
import { withoutSources } from './results.js';
import type { WorkerRequest, WorkerResponse, WorkerSetup } from './pool.js';

const setup = workerData as WorkerSetup;
const ruleSet = loadRuleSet();
const configs = new ConfigLoader(ruleSet, { roots: setup.roots, limits: setup.limits, ...(setup.configFile !== undefined ? { configFile: setup.configFile } : {}) });
const services = loadServices();

parentPort!.on('message', (request: WorkerRequest) => void answer(request));

async function answer(request: WorkerRequest): Promise<void> {
  let response: WorkerResponse;
  try {
    const lang = setup.lang ?? configs.forFile(request.file).language ?? 'sv';
    const result = await lintFile(request.file, {
      ruleSet,
      configs,
      lang,
      fix: setup.fix,
      limits: setup.limits,
      ...(setup.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: setup.reportUnusedDisableDirectives } : {}),
      services: { ...(await services) },
      ...(setup.today ? { today: setup.today } : {}),
    });
    response = { id: request.id, result: withoutSources(result) };
  } catch (error) {
    response = error instanceof FileError ? { id: request.id, configError: error.message } : { id: request.id, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(response);
}
