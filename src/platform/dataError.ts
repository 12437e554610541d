import * as Comlink from 'comlink';

/** Where in the user's input a problem sits: which file, which row, which column. */
export interface DataLocation {
  file?: string;
  row?: number;
  column?: string;
  /** What we expected to find there, in words ("a time like 1:45.32"). */
  expected?: string;
  /** What the user can do about it, in a sentence ("Close the quote, then load the file again."). */
  advice?: string;
}

/**
 * An error caused by the user's data, not by the program. It carries its location so that
 * the screen can say what went wrong and where, instead of a console stack trace.
 */
export class DataError extends Error {
  readonly location: DataLocation;
  constructor(message: string, location: DataLocation = {}) {
    super(message);
    this.name = 'DataError';
    this.location = location;
  }
}

/** Thrown when the user pressed Cancel; the screen shows no error for it. */
export class CancelledError extends Error {
  constructor(what = 'The operation') {
    super(`${what} was cancelled`);
    this.name = 'CancelledError';
  }
}

/** One line that says what and where, for the error banner. */
export function describeError(error: unknown): string {
  if (error instanceof DataError) {
    const { file, row, column, expected, advice } = error.location;
    // A message that already names the file ("\"a.csv\" is empty") is not prefixed with it again.
    const named = file !== undefined && error.message.includes(file);
    const where = [file && !named && `"${file}"`, row !== undefined && `row ${row.toLocaleString('en')}`, column && `column "${column}"`]
      .filter(Boolean)
      .join(', ');
    return `${where ? `${where}: ` : ''}${error.message}${expected ? ` (expected ${expected})` : ''}${advice ? `. ${advice}` : ''}`;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  location?: DataLocation;
}

/**
 * Comlink rebuilds thrown errors as plain `Error`s and loses our fields. This handler
 * keeps name, message and location across the worker boundary. Install it on both sides.
 */
export function installErrorTransfer(): void {
  const handler: Comlink.TransferHandler<unknown, { isError: boolean; value: unknown }> = {
    // Comlink marks a thrown value with a private symbol it does not export; find it by name.
    canHandle: (value): value is unknown =>
      typeof value === 'object' && value !== null && Object.getOwnPropertySymbols(value).some((symbol) => symbol.description === 'Comlink.thrown'),
    serialize(wrapped) {
      const value = (wrapped as { value: unknown }).value;
      if (value instanceof Error) {
        const serialized: SerializedError = { name: value.name, message: value.message, stack: value.stack };
        if (value instanceof DataError) serialized.location = value.location;
        return [{ isError: true, value: serialized }, []];
      }
      return [{ isError: false, value }, []];
    },
    deserialize(serialized) {
      if (!serialized.isError) throw serialized.value;
      const { name, message, stack, location } = serialized.value as SerializedError;
      const error =
        name === 'DataError' ? new DataError(message, location) : name === 'CancelledError' ? new CancelledError() : new Error(message);
      if (name === 'CancelledError') error.message = message;
      if (name !== 'DataError' && name !== 'CancelledError') error.name = name;
      if (stack) error.stack = stack;
      throw error;
    },
  };
  Comlink.transferHandlers.set('throw', handler as Comlink.TransferHandler<unknown, unknown>);
}
