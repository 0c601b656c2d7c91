// DOC (Word 97–2003, and the .doc/.wps files WPS writes: OLE2 compound files) -> lines, with
// word-extractor. Table cells end with a cell mark that it turns into a tab, and a row ends with one
// more, with no line break between rows: `a\tb\tc\t\t` per row. Runs of three or more cells become
// `| a | b | c |` rows (an empty cell also reads as a row end: that row then splits in two).
// Encrypted Office files are OLE2 too.
import { createRequire } from 'node:module';
import { PlancmpError } from '../errors.js';
import type { DocumentReader } from './kinds.js';
import { checkCompoundFile } from './ole2.js';

interface WordDocument {
  getBody(): string;
}
type Extractor = new () => { extract(input: Buffer): Promise<WordDocument> };

/** Name of an OLE2 directory entry as stored (UTF-16LE). */
const oleName = (name: string) => Buffer.from(name, 'utf16le');

export function tableRow(line: string): string {
  const cells = line.split('\t').map((c) => c.trim().replace(/\|/g, '｜'));
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells.length >= 3 ? `| ${cells.join(' | ')} |` : line.replace(/\t+/g, ' ');
}

/** One line of word-extractor's text -> lines, table rows apart. */
export function splitRows(line: string): string[] {
  if (!/\t[^\t]*\t/.test(line)) return [line.replace(/\t+/g, ' ')];
  return line.split(/(?<=\t\t)/).map(tableRow);
}

export const read: DocumentReader = async (bytes, file, _opts, budget) => {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.includes(oleName('EncryptedPackage')) || buf.includes(oleName('EncryptionInfo'))) {
    throw new PlancmpError('encrypted', 'is a password-protected (encrypted) Office document', file, 'open it with its password and save an unprotected copy');
  }
  if (!buf.includes(oleName('WordDocument'))) {
    throw new PlancmpError('damaged', 'is an Office file (OLE2) but not a Word document (perhaps a spreadsheet or a presentation)', file, 'give the notice itself as .doc, .docx, .pdf, .txt or .html');
  }
  checkCompoundFile(buf, file, budget);
  const WordExtractor = createRequire(import.meta.url)('word-extractor') as Extractor;
  const doc = await new WordExtractor().extract(buf);
  const body = doc.getBody();
  budget.check('textChars', body.length, (n) => `it yields more than ${n} characters of text`);
  const lines = body.split('\n').flatMap(splitRows);
  return { lines, warnings: [] };
};
