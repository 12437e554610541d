/**
 * Decoding on the screen's own thread, isolated: a workspace that reads a file's cells
 * itself (Ride's field exports) gets them from a decoder worker of the file's own, so a
 * file that makes SheetJS loop forever (4 KB of zeros in a field export did) ends with a
 * DataError naming it, within the bound its size sets, and the screen never freezes.
 */
import type { WorkbookSheets } from './decoder.api';
import { DecoderSupply } from './isolatedDecoder';

let supply: DecoderSupply | null = null;

function decoders(): DecoderSupply {
  supply ??= new DecoderSupply(() => new Worker(new URL('../../../workers/decoder.worker.ts', import.meta.url), { type: 'module', name: 'decoder' }));
  return supply;
}

/** Every sheet of an xlsx workbook as rows of cells (SheetJS, in a worker of its own). */
export async function readWorkbookIsolated(file: File): Promise<WorkbookSheets> {
  const decoder = decoders().take();
  try {
    return await decoder.call({ file: file.name, decoder: 'xlsx (SheetJS)', what: 'the whole file', bytes: file.size }, (remote) => remote.workbookSheets(file));
  } finally {
    decoders().release(decoder, file.size);
  }
}
