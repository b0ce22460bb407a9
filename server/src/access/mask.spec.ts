import { isMaskOf, looksMasked, mask, type SensitiveKind } from './mask';

const KINDS: SensitiveKind[] = ['idNumber', 'phone', 'email', 'address', 'bankAccount'];

describe('mask', () => {
  it('returns null for missing or blank values of every kind', () => {
    for (const kind of KINDS) {
      expect(mask(kind, null)).toBeNull();
      expect(mask(kind, undefined)).toBeNull();
      expect(mask(kind, '')).toBeNull();
      expect(mask(kind, '   ')).toBeNull();
    }
  });

  describe('idNumber', () => {
    it('keeps the first 3 and last 4 characters and keeps the length', () => {
      expect(mask('idNumber', '110105199003071234')).toBe('110***********1234');
      expect(mask('idNumber', '11010519491231002X')).toBe('110***********002X');
      expect(mask('idNumber', 'E12345678')).toBe('E12**5678');
      expect(mask('idNumber', '12345678')).toBe('123*5678');
    });

    it('keeps only the last 2 characters of short values', () => {
      expect(mask('idNumber', '1234567')).toBe('*****67');
      expect(mask('idNumber', 'A123')).toBe('**23');
      expect(mask('idNumber', '123')).toBe('*23');
    });

    it('hides values of one or two characters completely', () => {
      expect(mask('idNumber', '12')).toBe('**');
      expect(mask('idNumber', '7')).toBe('*');
    });

    it('ignores surrounding whitespace', () => {
      expect(mask('idNumber', ' 110105199003071234 ')).toBe('110***********1234');
    });
  });

  describe('phone', () => {
    it('shows the first 3 and last 4 digits of a Chinese mobile number', () => {
      expect(mask('phone', '13812345678')).toBe('138****5678');
      expect(mask('phone', '199 0000 1111')).toBe('199****1111');
      expect(mask('phone', '138-1234-5678')).toBe('138****5678');
    });

    it('keeps only the last 4 characters of other numbers', () => {
      expect(mask('phone', '010-62345678')).toBe('********5678');
      expect(mask('phone', '+85291234567')).toBe('********4567');
      // 11 digits but not starting with 1: not a mainland mobile.
      expect(mask('phone', '02112345678')).toBe('*******5678');
    });

    it('hides very short numbers completely', () => {
      expect(mask('phone', '110')).toBe('***');
      expect(mask('phone', '1234')).toBe('****');
      expect(mask('phone', '12345')).toBe('*2345');
    });
  });

  describe('email', () => {
    it('keeps the first character of the local part and the domain', () => {
      expect(mask('email', 'zhang.wei@example.com')).toBe('z***@example.com');
      expect(mask('email', 'a@qq.com')).toBe('a***@qq.com');
      expect(mask('email', '张伟@例子.中国')).toBe('张***@例子.中国');
    });

    it('uses the last @ as the separator', () => {
      expect(mask('email', '"a@b"@example.com')).toBe('"***@example.com');
    });

    it('reveals nothing of something that is not an address', () => {
      expect(mask('email', 'zhangwei')).toBe('***');
      expect(mask('email', '@example.com')).toBe('***');
      expect(mask('email', 'zhangwei@')).toBe('***');
    });
  });

  describe('address', () => {
    it('keeps the first 6 characters and replaces the rest', () => {
      expect(mask('address', '广东省广州市天河区体育西路123号')).toBe('广东省广州市****');
      expect(mask('address', '北京市朝阳区建国路88号3号楼501室')).toBe('北京市朝阳区****');
      expect(mask('address', '上海市浦东新区A')).toBe('上海市浦东新****');
    });

    it('hides addresses of 6 characters or fewer completely', () => {
      expect(mask('address', '北京市朝阳区')).toBe('******');
      expect(mask('address', '上海市')).toBe('***');
    });

    it('counts characters outside the Basic Multilingual Plane as one', () => {
      // U+20676 is a single character written with two UTF-16 units.
      expect(mask('address', '\u{20676}州省某市某区某路1号')).toBe('\u{20676}州省某市某****');
      expect(mask('address', '\u{20676}\u{20676}\u{20676}')).toBe('***');
    });
  });

  describe('bankAccount', () => {
    it('shows only the last 4 digits in card layout', () => {
      expect(mask('bankAccount', '6222021234567890123')).toBe('**** **** **** 0123');
      expect(mask('bankAccount', '6222 0212 3456 7890')).toBe('**** **** **** 7890');
    });

    it('hides accounts of 4 digits or fewer completely', () => {
      expect(mask('bankAccount', '1234')).toBe('**** **** **** ****');
    });
  });

  it('always produces something that looks masked', () => {
    const samples = ['1', '12', '123456', '13812345678', 'x@y.z', 'nope', '北京市', '北京市朝阳区建国路', '6222021234567890123'];
    for (const kind of KINDS) {
      for (const sample of samples) expect(looksMasked(mask(kind, sample)!)).toBe(true);
    }
  });
});

describe('looksMasked', () => {
  it('is true exactly when the value contains a star', () => {
    expect(looksMasked('138****5678')).toBe(true);
    expect(looksMasked('*')).toBe(true);
    expect(looksMasked('13812345678')).toBe(false);
    expect(looksMasked('')).toBe(false);
  });
});

describe('isMaskOf', () => {
  it('recognises the unchanged mask coming back from an edit form', () => {
    expect(isMaskOf('idNumber', '110***********1234', '110105199003071234')).toBe(true);
    expect(isMaskOf('phone', '138****5678', '13812345678')).toBe(true);
    expect(isMaskOf('email', 'z***@example.com', 'zhang.wei@example.com')).toBe(true);
    expect(isMaskOf('address', '北京市朝阳区****', '北京市朝阳区建国路88号')).toBe(true);
    expect(isMaskOf('bankAccount', '**** **** **** 0123', '6222021234567890123')).toBe(true);
    expect(isMaskOf('phone', ' 138****5678 ', '13812345678')).toBe(true);
  });

  it('is false for a real new value, even one that shares the visible parts', () => {
    expect(isMaskOf('phone', '13899995678', '13812345678')).toBe(false);
    expect(isMaskOf('idNumber', '110105199003071234', '110105199003071234')).toBe(false);
  });

  it('is false for a mask of a different value or of a different kind', () => {
    expect(isMaskOf('phone', '139****5678', '13812345678')).toBe(false);
    expect(isMaskOf('idNumber', '110**********1234', '110105199003071234')).toBe(false);
    expect(isMaskOf('email', '138****5678', '13812345678')).toBe(false);
  });

  it('is false when either side is missing', () => {
    expect(isMaskOf('phone', null, '13812345678')).toBe(false);
    expect(isMaskOf('phone', undefined, '13812345678')).toBe(false);
    expect(isMaskOf('phone', '138****5678', null)).toBe(false);
    expect(isMaskOf('phone', '', '')).toBe(false);
    expect(isMaskOf('phone', '', undefined)).toBe(false);
  });
});
