import { mentions, scrub, scrubJson } from './anonymise-text';

describe('scrubbing personal values out of text', () => {
  it('replaces every occurrence of every value', () => {
    expect(scrub('客户张三丰（电话13812345678）来电，张三丰要求退保', ['张三丰', '13812345678'])).toBe('客户***（电话***）来电，***要求退保');
    expect(scrub(null, ['x'])).toBeNull();
  });

  it('works inside JSON, quotes included', () => {
    expect(scrubJson({ name: { from: null, to: '王"小"明' }, n: 1 }, ['王"小"明'])).toEqual({ name: { from: null, to: '***' }, n: 1 });
    expect(mentions({ a: ['x 王"小"明'] }, ['王"小"明'])).toBe(true);
    expect(mentions({ a: 'other' }, ['王"小"明'])).toBe(false);
  });
});
