// The read stage: bytes on disk (or stdin) -> SourceText.
export { decodeBytes, binaryKind, encodingFromName, ENCODING_NAMES, type Decoded, type Encoding } from './decode.js';
export { htmlToText, htmlNotice } from './html.js';
export { readSource, readBytes, sourceFromBytes, looksLikeHtml, declaredCharset, MAX_BYTES, MAX_BYTES_ENV, maxBytes, STDIN_NAME, type ReadOptions } from './source.js';
export { readInputBytes } from './source.js';
export { displayName, recoverRawPath, type RawPath } from './file.js';
export { INPUT_KINDS, DOCUMENT_EXTENSIONS, detectKind, type InputKind, type DocumentOptions } from './kinds.js';
