// Hostile binary inputs, made in a few lines each (no committed blobs): the classes of issue 26 —
// files a few KB long that loop a reader, unpack into gigabytes, or make it quadratic. Each returns
// the file's bytes; tests/hostile.test.ts feeds them to the command line alone and in batches.
import { strict as assert } from 'node:assert';
import { crc32, deflateRawSync } from 'node:zlib';

interface ZipEntry {
  name: string;
  data: Uint8Array | string;
  /** store raw deflate data given as `deflated` instead of compressing `data` */
  deflated?: Uint8Array;
  /** the uncompressed size written into the headers (default: the real one) */
  declared?: number;
}

/** A zip written by hand, so that sizes can lie and entries can be bombs. */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = typeof e.data === 'string' ? Buffer.from(e.data) : Buffer.from(e.data);
    const body = e.deflated ? Buffer.from(e.deflated) : deflateRawSync(raw, { level: 1 });
    const size = e.declared ?? raw.length;
    const name = Buffer.from(e.name);
    const crc = e.deflated ? 0 : crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    central.push(dir, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Raw deflate of `mb` MiB of one byte, made from a small block (the stream of a zip bomb). */
export function bomb(mb: number): Buffer {
  return deflateRawSync(Buffer.alloc(mb * 1024 * 1024, 0x20), { level: 1 });
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const P = (text: string, num = '') => `<w:p>${num ? `<w:pPr><w:numPr><w:ilvl w:val="${num.split(':')[1]}"/><w:numId w:val="${num.split(':')[0]}"/></w:numPr></w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;
const BODY = `${P('关于印发实施方案的通知')}${P('一、总体要求')}${P('加强组织领导，落实工作责任。')}`;

/** A DOCX of `body` (document.xml's body) and optional numbering.xml. */
export function docx(body: string, numbering?: string, extra: ZipEntry[] = []): Buffer {
  const entries: ZipEntry[] = [
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: 'word/document.xml', data: `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>` },
  ];
  if (numbering !== undefined) entries.push({ name: 'word/numbering.xml', data: `<?xml version="1.0"?><w:numbering ${W}>${numbering}</w:numbering>` });
  return zip([...entries, ...extra]);
}

const lvl = (ilvl: string | number, opts: { start?: string; fmt?: string; text?: string } = {}) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${opts.start ?? 1}"/><w:numFmt w:val="${opts.fmt ?? 'chineseCounting'}"/><w:lvlText w:val="${opts.text ?? '%1、'}"/></w:lvl>`;
const list = (levels: string) => `<w:abstractNum w:abstractNumId="0">${levels}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;

/** Everything an OFD needs but its page content; `pages` BaseLocs (all may name one file). */
export function ofd(content: string, opts: { pages?: number; sameContent?: boolean; extra?: ZipEntry[]; contentDeflated?: Uint8Array; contentDeclared?: number } = {}): Buffer {
  const n = opts.pages ?? 1;
  const ns = 'xmlns:ofd="http://www.ofdspec.org/2016"';
  const pageList = Array.from({ length: n }, (_, i) => `<ofd:Page ID="${i + 10}" BaseLoc="Pages/Page_${opts.sameContent ? 0 : i}/Content.xml"/>`).join('');
  const page = (c: string) => `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${ns}><ofd:Content><ofd:Layer ID="2">${c}</ofd:Layer></ofd:Content></ofd:Page>`;
  const entries: ZipEntry[] = [
    { name: 'OFD.xml', data: `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${ns} Version="1.0"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>` },
    { name: 'Doc_0/Document.xml', data: `<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${ns}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>${pageList}</ofd:Pages></ofd:Document>` },
  ];
  const pagesStored = opts.sameContent ? 1 : n;
  for (let i = 0; i < pagesStored; i++) {
    entries.push({ name: `Doc_0/Pages/Page_${i}/Content.xml`, data: page(content), deflated: opts.contentDeflated, declared: opts.contentDeclared });
  }
  return zip([...entries, ...(opts.extra ?? [])]);
}

const textObject = (text: string, y: number, dx = '') =>
  `<ofd:TextObject ID="3" Boundary="20 ${y} 170 8" Font="1" Size="5"><ofd:TextCode X="0" Y="5"${dx ? ` DeltaX="${dx}"` : ''}>${text}</ofd:TextCode></ofd:TextObject>`;
const OFD_TEXT = [textObject('关于印发实施方案的通知', 20), textObject('一、总体要求', 30), textObject('加强组织领导，落实工作责任。', 40)].join('');

/** A compound file (.doc) of 512-byte sectors: FAT in sector 0, a directory whose chain loops 1 → 2 → 1. */
export function loopingDoc(): Buffer {
  const sec = 512;
  const buf = Buffer.alloc(sec * 5);
  Buffer.from('D0CF11E0A1B11AE1', 'hex').copy(buf, 0);
  buf.writeUInt16LE(0x3e, 24);
  buf.writeUInt16LE(3, 26);
  buf.writeUInt16LE(0xfffe, 28);
  buf.writeUInt16LE(9, 30);
  buf.writeUInt16LE(6, 32);
  buf.writeInt32LE(1, 44); // one FAT sector
  buf.writeInt32LE(1, 48); // directory starts at sector 1
  buf.writeInt32LE(4096, 56);
  buf.writeInt32LE(-2, 60); // no short table
  buf.writeInt32LE(0, 64);
  buf.writeInt32LE(-2, 68);
  buf.writeInt32LE(0, 72);
  for (let i = 0; i < 109; i++) buf.writeInt32LE(i === 0 ? 0 : -1, 76 + i * 4);
  const fat = sec; // sector 0
  buf.fill(0xff, fat, fat + sec);
  buf.writeInt32LE(-3, fat);
  buf.writeInt32LE(2, fat + 4); // 1 → 2
  buf.writeInt32LE(1, fat + 8); // 2 → 1: the loop
  const entry = (i: number, name: string, type: number, child: number, start: number, size: number) => {
    const at = 2 * sec + i * 128;
    const n = Buffer.from(name + '\0', 'utf16le');
    n.copy(buf, at);
    buf.writeUInt16LE(n.length, at + 64);
    buf.writeInt8(type, at + 66);
    buf.writeInt32LE(-1, at + 68);
    buf.writeInt32LE(-1, at + 72);
    buf.writeInt32LE(child, at + 76);
    buf.writeInt32LE(start, at + 116);
    buf.writeInt32LE(size, at + 120);
  };
  entry(0, 'Root Entry', 5, 1, -2, 0);
  entry(1, 'WordDocument', 2, -1, 3, 4096);
  return buf;
}

/**
 * A Word 97 file (.doc) whose piece table names the whole WordDocument stream (`docKb` KB) again and
 * again (`pieces` times): a few hundred KB that word-extractor assembled into gigabytes of text.
 */
export function repeatedPiecesDoc(pieces = 8000, docKb = 1024): Buffer {
  const sec = 512;
  const docBytes = docKb * 1024;
  const table = Buffer.alloc(5 + 4 * (pieces + 1) + 8 * pieces);
  table[0] = 2;
  table.writeUInt32LE(4 + 12 * pieces, 1);
  // every piece is as long as the whole stream (CPs 0, N, 2N…) and starts at its byte 0 (UTF-16)
  for (let x = 0; x <= pieces; x++) table.writeUInt32LE((x * docBytes) / 2, 5 + x * 4);
  for (let x = 0; x < pieces; x++) table.writeUInt32LE(0, 5 + 4 * (pieces + 1) + x * 8 + 2);
  const doc = Buffer.alloc(docBytes, 0x4e); // 乎 as UTF-16LE bytes 0x4e4e…
  doc.fill(0, 0, 0x400); // …after a FIB of zeros (no bookmarks, fields, properties)
  doc.writeUInt16LE(0xa5ec, 0);
  doc.writeUInt16LE(0, 0x0a); // 0Table
  doc.writeUInt32LE(0, 0x01a2); // the piece table at the start of 0Table
  doc.writeUInt32LE(table.length, 0x01a6);
  const docSecs = Math.ceil(doc.length / sec);
  const tableSecs = Math.ceil(Math.max(table.length, 4096) / sec);
  const fatSecs = Math.ceil((1 + docSecs + tableSecs + 20) / 128);
  const total = fatSecs + 1 + docSecs + tableSecs;
  const buf = Buffer.alloc(sec * (total + 1));
  Buffer.from('D0CF11E0A1B11AE1', 'hex').copy(buf, 0);
  buf.writeUInt16LE(0x3e, 24);
  buf.writeUInt16LE(3, 26);
  buf.writeUInt16LE(0xfffe, 28);
  buf.writeUInt16LE(9, 30);
  buf.writeUInt16LE(6, 32);
  buf.writeInt32LE(fatSecs, 44);
  buf.writeInt32LE(fatSecs, 48); // the directory follows the FAT
  buf.writeInt32LE(4096, 56);
  buf.writeInt32LE(-2, 60);
  buf.writeInt32LE(0, 64);
  buf.writeInt32LE(-2, 68);
  buf.writeInt32LE(0, 72);
  for (let i = 0; i < 109; i++) buf.writeInt32LE(i < fatSecs ? i : -1, 76 + i * 4);
  const fat = new Int32Array(fatSecs * 128).fill(-1);
  for (let i = 0; i < fatSecs; i++) fat[i] = -3;
  fat[fatSecs] = -2;
  const run = (from: number, n: number) => {
    for (let k = 0; k < n; k++) fat[from + k] = k === n - 1 ? -2 : from + k + 1;
  };
  const docAt = fatSecs + 1;
  const tableAt = docAt + docSecs;
  run(docAt, docSecs);
  run(tableAt, tableSecs);
  Buffer.from(fat.buffer).copy(buf, sec);
  const entry = (i: number, name: string, type: number, left: number, right: number, child: number, start: number, size: number) => {
    const at = (fatSecs + 1) * sec + i * 128;
    const n = Buffer.from(name + '\0', 'utf16le');
    n.copy(buf, at);
    buf.writeUInt16LE(n.length, at + 64);
    buf.writeInt8(type, at + 66);
    buf.writeInt32LE(left, at + 68);
    buf.writeInt32LE(right, at + 72);
    buf.writeInt32LE(child, at + 76);
    buf.writeInt32LE(start, at + 116);
    buf.writeInt32LE(size, at + 120);
  };
  entry(0, 'Root Entry', 5, -1, -1, 1, -2, 0);
  entry(1, 'WordDocument', 2, -1, 2, -1, docAt, doc.length);
  entry(2, '0Table', 2, -1, -1, -1, tableAt, Math.max(table.length, 4096));
  doc.copy(buf, (docAt + 1) * sec);
  table.copy(buf, (tableAt + 1) * sec);
  return buf;
}

/** A PDF of `pages` pages, each with `items` text items (0: blank pages), written by hand. */
export function pdf(pages: number, items = 1, opts: { content?: string; font?: string } = {}): Buffer {
  const objs: string[] = [];
  const kids: string[] = [];
  const content = opts.content ?? (items === 0 ? '' : `BT /F1 4 Tf ${Array.from({ length: items }, (_, i) => `1 0 0 1 ${520 - (i % 100) * 5} ${800 - Math.floor(i / 100) * 0.5} Tm (a) Tj`).join(' ')} ET`);
  objs[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objs[3] = opts.font ?? '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  objs[4] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  for (let i = 0; i < pages; i++) {
    objs[5 + i] = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>';
    kids.push(`${5 + i} 0 R`);
  }
  objs[2] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`;
  const parts = ['%PDF-1.4\n'];
  let at = parts[0].length; // all ASCII: characters are bytes
  const offsets: number[] = [];
  for (let i = 1; i < objs.length; i++) {
    offsets[i] = at;
    parts.push(`${i} 0 obj\n${objs[i]}\nendobj\n`);
    at += parts[parts.length - 1].length;
  }
  const xref = at;
  let out = parts.join('');
  out += `xref\n0 ${objs.length}\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * A PDF whose font maps its codes to the wrong characters, as a font without a ToUnicode map does:
 * the text layer reads as rare CJK characters (here U+9F80–U+9FBD by an /Encoding of uniXXXX names).
 */
export function garbledPdf(): Buffer {
  const names = Array.from({ length: 62 }, (_, i) => `/uni${(0x9f80 + i).toString(16).toUpperCase()}`).join(' ');
  const font = `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /Differences [65 ${names}] >> >>`;
  const codes = Array.from({ length: 62 }, (_, i) => String.fromCharCode(65 + i)).join('').replace(/[()\\]/g, '');
  const content = `BT /F1 10 Tf ${Array.from({ length: 30 }, (_, k) => `1 0 0 1 50 ${800 - k * 14} Tm (${codes.slice(k % 10, k % 10 + 40)}) Tj`).join(' ')} ET`;
  return pdf(1, 1, { content, font });
}

/**
 * The point of every class is that a small file does the damage: a generator that grew past this
 * would test big inputs instead (the largest today, 20,000 blank PDF pages, is about 3 MB).
 */
const HOSTILE_MAX_BYTES = 4 * 1024 * 1024;

/** Every class of issue 26 that must end in one line naming the file (name → bytes, extension). */
export function hostileFiles(): { name: string; bytes: Buffer; limit?: string }[] {
  const files = hostileClasses();
  for (const f of files) assert.ok(f.bytes.length <= HOSTILE_MAX_BYTES, `${f.name} is ${f.bytes.length} bytes: no longer a small hostile file`);
  return files;
}

function hostileClasses(): { name: string; bytes: Buffer; limit?: string }[] {
  const big = 'x'.repeat(1_000_000);
  const bomb40 = bomb(40); // 40 MiB from ~40 KB: past zipEntryBytes (32 MiB)
  return [
    { name: 'fat-loop.doc', bytes: loopingDoc() },
    { name: 'repeated-pieces.doc', bytes: repeatedPiecesDoc(), limit: 'textChars' },
    { name: 'deltax-repeat.ofd', bytes: ofd(textObject('一', 50, 'g 100000 1 '.repeat(1500)) + OFD_TEXT) },
    { name: 'level-200m.docx', bytes: docx(BODY + P('任务', '1:200000000'), list(lvl(200000000))), limit: 'listLevels' },
    { name: 'start-infinity.docx', bytes: docx(BODY + P('任务', '1:0'), list(lvl(0, { start: 'Infinity', fmt: 'upperRoman' }))), limit: 'listCounter' },
    { name: 'bomb.docx', bytes: zip([{ name: 'word/document.xml', data: '', deflated: bomb40, declared: 40 * 1024 * 1024 }]), limit: 'zipEntryBytes' },
    { name: 'bomb-lying.docx', bytes: zip([{ name: 'word/document.xml', data: '', deflated: bomb40, declared: 1000 }]) },
    { name: 'label-repeat.docx', bytes: docx(BODY + P('任务', '1:0').repeat(20000), list(lvl(0, { text: big }))), limit: 'textChars' },
    {
      name: 'vmerge-repeat.docx',
      bytes: docx(`${BODY}<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>${P(big)}</w:tc><w:tc>${P('甲')}</w:tc></w:tr>${'<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>'.repeat(20000)}</w:tbl>`),
      limit: 'textChars',
    },
    { name: 'nested-paragraphs.docx', bytes: docx(`${BODY}<w:tbl><w:tr><w:tc>${'<w:p><w:r><w:t>甲</w:t></w:r>'.repeat(30000)}${'</w:p>'.repeat(30000)}</w:tc></w:tr></w:tbl>`), limit: 'xmlDepth' },
    { name: 'unmatched-close.docx', bytes: docx(BODY + '</w:x>'.repeat(150000) + P('加强监督检查。')) },
    { name: 'unquoted-attribute.docx', bytes: docx(`${BODY}<w:p a=${'b'.repeat(1_000_000)}><w:r><w:t>甲</w:t></w:r></w:p>`) },
    { name: 'ofd-bomb.ofd', bytes: ofd('', { contentDeflated: bomb40, contentDeclared: 40 * 1024 * 1024 }), limit: 'zipEntryBytes' },
    { name: 'ofd-unused-bomb.ofd', bytes: ofd(OFD_TEXT, { extra: [{ name: 'Doc_0/Res/Unused.xml', data: '', deflated: bomb40, declared: 1000 }] }) },
    { name: 'ofd-pages.ofd', bytes: ofd(OFD_TEXT, { pages: 20000, sameContent: true }), limit: 'pages' },
    { name: 'ofd-shared-content.ofd', bytes: ofd(OFD_TEXT + `<!--${'x'.repeat(20 * 1024 * 1024)}-->`, { pages: 1000, sameContent: true }), limit: 'zipTotalBytes' },
    { name: 'ofd-glyph-runs.ofd', bytes: ofd(OFD_TEXT + Array.from({ length: 100000 }, () => textObject('字', 60)).join('')), limit: 'textItemsPerPage' },
    { name: 'ofd-paths.ofd', bytes: ofd(OFD_TEXT + `<ofd:PathObject ID="9" Boundary="0 0 210 297"><ofd:AbbreviatedData>M 0 0 ${'L 1 1 '.repeat(2_000_000)}</ofd:AbbreviatedData></ofd:PathObject>`), limit: 'drawingOpsPerPage' },
    { name: 'pdf-pages.pdf', bytes: pdf(20000, 0), limit: 'pages' },
    { name: 'pdf-items.pdf', bytes: pdf(1, 120000), limit: 'textItemsPerPage' },
  ];
}

export { OFD_TEXT, BODY, P, lvl, list, textObject };
