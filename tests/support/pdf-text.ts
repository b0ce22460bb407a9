import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// pdf.js (inside pdf-parse) loads its worker with a dynamic import, which jest's module sandbox refuses:
// the text is read in a plain node process instead.
const SCRIPT = `
const { PDFParse } = require('pdf-parse');
const parser = new PDFParse({ data: require('node:fs').readFileSync(process.argv[1]) });
parser.getText().then(async (result) => { process.stdout.write(result.text); await parser.destroy(); }, (error) => { console.error(error); process.exit(1); });
`;

/** The text of a PDF as a reader would copy it out (pdf-parse, i.e. pdf.js). */
export async function pdfText(pdf: Buffer): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-text-'));
  const file = path.join(dir, 'document.pdf');
  fs.writeFileSync(file, pdf);
  try {
    const { stdout } = await run(process.execPath, ['-e', SCRIPT, file], { cwd: path.resolve(__dirname, '../..'), maxBuffer: 32 * 1024 * 1024 });
    return stdout;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
