// Bytes to text for every importer: UTF-8 only, so a file saved in a legacy code page is refused
// with a clear message instead of being imported with mangled names.

export interface LineError {
  /** 1-based line of the file. */
  readonly line: number;
  readonly column?: string;
  readonly message: string;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; errors: LineError[] };

const NOT_UTF8 = "the file is not UTF-8 text: save it as UTF-8 (in a spreadsheet: CSV UTF-8)";

/** Decodes UTF-8 strictly and drops a byte-order mark. Reports the lines holding invalid bytes. */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, errors: [{ line: 1, message: `${NOT_UTF8}; this one is UTF-16` }] };
  }
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, errors: invalidLines(bytes) };
  }
}

/** Line by line: 0x0A never occurs inside a multi-byte UTF-8 sequence, so lines decode on their own. */
function invalidLines(bytes: Uint8Array): LineError[] {
  const errors: LineError[] = [];
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let start = 0;
  let line = 1;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      errors.push({ line, message: NOT_UTF8 });
    }
    start = end + 1;
    line++;
  }
  return errors.length > 0 ? errors : [{ line: 1, message: NOT_UTF8 }];
}
