/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import type { ComputeApi, TaskTable } from '../src/platform/pool/compute.api';
import { installErrorTransfer } from '../src/platform/dataError';
import { transferablesOf } from '../src/platform/pool/transferables';
import { releaseTaskArena } from '../src/platform/pool/taskArena';

installErrorTransfer();

// Every task table (src/platform/**/*.tasks.ts) is found here; adding a table is one file
// (and its type in src/platform/computeTasks.ts).
const modules = import.meta.glob<{ tasks: TaskTable }>('../src/platform/**/*.tasks.ts', { eager: true });
const table: TaskTable = Object.assign({}, ...Object.values(modules).map((module) => module.tasks));

const api: ComputeApi = {
  async run(task, input, attempt) {
    const fn = table[task];
    if (!fn) throw new Error(`unknown compute task "${task}" (known: ${Object.keys(table).join(', ')})`);
    const result = await fn(input as never, attempt);
    // Comlink keys transfers by object: primitives go as they are.
    return typeof result === 'object' && result !== null ? Comlink.transfer(result, transferablesOf(result)) : result;
  },
  tasks: () => Object.keys(table),
  rest: releaseTaskArena,
};

Comlink.expose(api);
