import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes separators, quotes and line breaks, and starts with a BOM', () => {
    const csv = toCsv(['名称', 'note'], [['张三', 'a,"b"\nc']]);
    expect(csv).toBe('\uFEFF名称,note\r\n张三,"a,""b""\nc"\r\n');
  });

  it('defuses spreadsheet formulas', () => {
    expect(toCsv(['x'], [['=HYPERLINK("http://x")'], ['-1+2'], ['@SUM(A1)']])).toBe('\uFEFFx\r\n"\'=HYPERLINK(""http://x"")"\r\n\'-1+2\r\n\'@SUM(A1)\r\n');
  });

  it('leaves empty values empty', () => {
    expect(toCsv(['a', 'b'], [[null, undefined]])).toBe('\uFEFFa,b\r\n,\r\n');
  });
});
