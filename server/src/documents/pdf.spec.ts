import { renderPdf } from './pdf';

describe('PDF rendering', () => {
  it('lays a long table over several pages, with the font embedded', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`第 ${i + 1} 项`, '服务态度良好，解答准确'.repeat(1 + (i % 3)), String(i)]);
    const pdf = await renderPdf({ title: '测试报告', subtitle: '副标题', meta: [['编号', 'ZJ2026-000001']], sections: [{ heading: '明细', paragraphs: ['说明'], table: { columns: ['项目', '描述', '分'], rows } }], footer: '页脚' });
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect((raw.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThan(2);
    expect(raw).toMatch(/\/FontFile2|\/FontFile3/);
    expect(raw).toContain('/ToUnicode');
  }, 30_000);

  it('says which font is missing', async () => {
    await expect(renderPdf({ title: 't', meta: [], sections: [] }, { fontPath: '/nowhere/font.ttc' })).rejects.toThrow('PDF font not found at /nowhere/font.ttc');
  });
});
