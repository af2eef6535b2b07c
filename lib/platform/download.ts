/** Saves text as a file through an ordinary download link: no downloads permission needed. */
export function downloadText(doc: Document, filename: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; the object URL can go soon after.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
