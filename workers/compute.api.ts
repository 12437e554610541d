/**
 * The one typed boundary to a compute worker. A task is a named pure function from
 * src/core, registered in workers/tasks/*.task.ts; typed arrays travel transferred.
 */
export interface ComputeApi {
  /** Runs a task; `attempt` is 1, or 2 when the pool retries after a worker died. */
  run(task: string, input: unknown, attempt: number): Promise<unknown>;
  /** The names of the tasks this worker knows. */
  tasks(): string[];
}

/** A task module exports `tasks`: names to functions of one structured-cloneable input. */
export type TaskTable = Record<string, (input: never, attempt: number) => unknown>;
