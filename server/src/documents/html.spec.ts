import { escapeHtml, renderHtml } from './html';

describe('printable HTML', () => {
  it('escapes every text it prints', () => {
    const html = renderHtml({
      title: '<script>alert(1)</script>',
      subtitle: 'a & b',
      meta: [['"label"', "it's"]],
      sections: [{ heading: '<h1>', paragraphs: ['<img src=x onerror=alert(1)>'], table: { columns: ['<b>'], rows: [['</td><script>']] } }],
      footer: '<footer>',
    });
    expect(html).not.toMatch(/<script>|<img|<b>|<\/td><script>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&quot;label&quot;');
    expect(html).toContain('it&#39;s');
    expect(escapeHtml('&<>"\'')).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('renders the title, the meta pairs, paragraphs and tables with a cell per column', () => {
    const html = renderHtml({ title: '质检报告', meta: [['编号', 'ZJ2026-000001']], sections: [{ heading: '评分', table: { columns: ['项目', '得分'], rows: [['服务态度']] } }] });
    expect(html).toContain('<h1>质检报告</h1>');
    expect(html).toContain('<dt>编号</dt><dd>ZJ2026-000001</dd>');
    expect(html).toContain('<tr><td>服务态度</td><td></td></tr>');
  });
});
