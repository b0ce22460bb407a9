import { auditChanges, changedFields } from './changes';

describe('audit changes', () => {
  it('counts only fields whose value differs', () => {
    const current = { name: '张三', phone: '13812345678', consentAt: new Date('2026-01-01T00:00:00Z'), tags: ['a'] };
    expect(changedFields(current, { name: '张三', phone: '13900000000', consentAt: new Date('2026-01-01T00:00:00Z'), tags: ['a'] })).toEqual(['phone']);
    expect(changedFields(current, { name: undefined, tags: ['b'] })).toEqual(['tags']);
  });

  it('masks sensitive values on both sides', () => {
    const changes = auditChanges('Customer', { idNumber: '110105199003071234', name: '张三' }, { idNumber: '110105199003071250', name: '张三丰' }, ['idNumber', 'name']);
    expect(changes).toEqual({ idNumber: { from: '110***********1234', to: '110***********1250' }, name: { from: '张三', to: '张三丰' } });
    expect(JSON.stringify(changes)).not.toContain('19900307');
  });
});
