// DOCX and OFD parts in another encoding than UTF-8 (issue 26): an XML part is decoded as an XML
// reader would, by its byte-order mark or its declaration, not always as UTF-8.
import { describe, it, expect } from 'vitest';
import iconv from 'iconv-lite';
import { readBytes } from '../src/read/index.js';
import { zip } from './hostile.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const TEXT = ['关于印发实施方案的通知', '一、总体要求', '加强组织领导，落实工作责任。'];
const documentXml = (decl: string) => `<?xml version="1.0" encoding="${decl}"?><w:document ${W}><w:body>${TEXT.map((t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`;
const docxOf = (bytes: Buffer) => zip([{ name: 'word/document.xml', data: bytes }]);

describe('XML parts in their declared encoding', () => {
  it('UTF-16 with a byte-order mark (LE and BE)', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(documentXml('UTF-16'), 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const bytes of [le, be]) expect((await readBytes(docxOf(bytes), 'n.docx')).text).toBe(TEXT.join('\n'));
  });

  it('GB18030, GBK and GB2312 declared', async () => {
    for (const decl of ['GB18030', 'GBK', 'gb2312']) {
      const gb = iconv.encode(documentXml(decl), 'gb18030');
      expect((await readBytes(docxOf(gb), 'n.docx')).text, decl).toBe(TEXT.join('\n'));
    }
  });

  it('UTF-8, declared or not, as before', async () => {
    for (const xml of [documentXml('UTF-8'), documentXml('utf-8').replace(/^<\?xml[^>]*>/, '')]) {
      expect((await readBytes(docxOf(Buffer.from(xml)), 'n.docx')).text).toBe(TEXT.join('\n'));
    }
  });
});

