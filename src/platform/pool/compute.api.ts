/**
 * The one typed boundary to a compute worker. A task is a named function of one
 * structured-cloneable input, listed in a `*.tasks.ts` table beside the engine that uses it
 * (src/platform/<workspace>/); typed arrays travel transferred. On the wire the task is a
 * name; the pool's `run` is typed from the tables (ComputeTasks), so a caller never states
 * the result type itself.
 */
export interface ComputeApi {
  /** Runs a task; `attempt` is 1, or 2 when the pool retries after a worker died. */
  run(task: string, input: unknown, attempt: number): Promise<unknown>;
  /** The names of the tasks this worker knows. */
  tasks(): string[];
  /** Gives back what the worker keeps between tasks (its task arena): it rests until a widening wakes it (computePool.ts). */
  rest(): void;
}

/** A task table: names to functions of one structured-cloneable input (and the attempt). */
export type TaskTable = Record<string, (input: never, attempt: number) => unknown>;

/** The input a task of a table takes. */
export type TaskInput<Tasks extends TaskTable, Name extends keyof Tasks> = Parameters<Tasks[Name]>[0];

/** What a task of a table resolves to. */
export type TaskOutput<Tasks extends TaskTable, Name extends keyof Tasks> = Awaited<ReturnType<Tasks[Name]>>;
