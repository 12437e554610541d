/**
 * Hands a file to the browser's own save (an export, a views YAML, a CSV of the stream):
 * nothing leaves the device. The object URL is revoked later, since some browsers read it
 * after click() returns.
 */
export function offerDownload(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
