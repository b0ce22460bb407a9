import {
  birthDateFromResidentId,
  genderFromResidentId,
  residentIdCheckDigit,
  validateIdNumber,
} from '../modules/customers/id-number';
import {
  DEMO_BRANCHES,
  DEMO_PRODUCTS,
  createRng,
  generateGroup,
  generatePerson,
  policyNumber,
  type DemoBranch,
  type DemoGroup,
  type DemoPerson,
} from './demo-generator';

const TODAY = new Date('2025-06-15T12:00:00+08:00');
const CITY_PREFIX: Record<string, string> = { BJ: '北京市', SH: '上海市', GD: '广东省广州市', SC: '四川省成都市' };
const CITY_SHORT: Record<string, string> = { BJ: '北京', SH: '上海', GD: '广州', SC: '成都' };
const CHINESE = /^[\u4e00-\u9fff]+$/;

function branch(code: string): DemoBranch {
  const found = DEMO_BRANCHES.find((b) => b.code === code);
  if (!found) throw new Error(`no branch ${code}`);
  return found;
}

function people(seed: number, count: number): Array<{ person: DemoPerson; branch: DemoBranch }> {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => {
    const b = DEMO_BRANCHES[i % DEMO_BRANCHES.length];
    return { person: generatePerson(rng, b), branch: b };
  });
}

function groups(seed: number, count: number): Array<{ group: DemoGroup; branch: DemoBranch }> {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => {
    const b = DEMO_BRANCHES[i % DEMO_BRANCHES.length];
    return { group: generateGroup(rng, b), branch: b };
  });
}

describe('createRng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    const seqB = Array.from({ length: 20 }, () => b.next());
    const seqC = Array.from({ length: 20 }, () => c.next());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
    expect(new Set(seqA).size).toBe(20);
  });

  it('produces values in [0, 1) with a mean near one half', () => {
    const rng = createRng(7);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const v = rng.next();
      expect(v >= 0 && v < 1).toBe(true);
      sum += v;
    }
    expect(sum / 20_000).toBeGreaterThan(0.48);
    expect(sum / 20_000).toBeLessThan(0.52);
  });

  it('int covers both ends of the range and nothing outside it', () => {
    const rng = createRng(1);
    const seen = new Map<number, number>();
    for (let i = 0; i < 6_000; i++) {
      const v = rng.int(1, 6);
      seen.set(v, (seen.get(v) ?? 0) + 1);
    }
    expect([...seen.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    // Each face should come up roughly 1,000 times.
    for (const count of seen.values()) {
      expect(count).toBeGreaterThan(850);
      expect(count).toBeLessThan(1_150);
    }
    expect(rng.int(5, 5)).toBe(5);
    expect(rng.int(-3, -3)).toBe(-3);
  });

  it('int refuses empty or fractional ranges', () => {
    const rng = createRng(1);
    expect(() => rng.int(6, 1)).toThrow(RangeError);
    expect(() => rng.int(0, 1.5)).toThrow(RangeError);
  });

  it('pick reaches every item and refuses an empty list', () => {
    const rng = createRng(3);
    const items = ['a', 'b', 'c'] as const;
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) seen.add(rng.pick(items));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it('chance follows the probability', () => {
    const rng = createRng(9);
    expect(Array.from({ length: 100 }, () => rng.chance(0)).some(Boolean)).toBe(false);
    expect(Array.from({ length: 100 }, () => rng.chance(1)).every(Boolean)).toBe(true);
    const hits = Array.from({ length: 10_000 }, () => rng.chance(0.3)).filter(Boolean).length;
    expect(hits).toBeGreaterThan(2_800);
    expect(hits).toBeLessThan(3_200);
  });
});

describe('DEMO_BRANCHES', () => {
  it('has the four branches with their real district area codes', () => {
    expect(DEMO_BRANCHES.map((b) => b.code)).toEqual(['BJ', 'SH', 'GD', 'SC']);
    expect(DEMO_BRANCHES.map((b) => b.name)).toEqual(['北京分公司', '上海分公司', '广东分公司', '四川分公司']);
    expect(branch('BJ').region).toBe('北京市');
    expect(branch('BJ').areaCodes).toEqual(expect.arrayContaining(['110101', '110105', '110108']));
    expect(branch('SH').areaCodes).toContain('310115'); // 浦东新区
    expect(branch('GD').areaCodes).toContain('440106'); // 天河区
    expect(branch('SC').areaCodes).toContain('510107'); // 武侯区
  });

  it('uses only district codes of the branch city', () => {
    const cityCode: Record<string, string> = { BJ: '1101', SH: '3101', GD: '4401', SC: '5101' };
    for (const b of DEMO_BRANCHES) {
      expect(b.areaCodes.length).toBeGreaterThanOrEqual(3);
      expect(new Set(b.areaCodes).size).toBe(b.areaCodes.length);
      for (const code of b.areaCodes) expect(code).toMatch(new RegExp(`^${cityCode[b.code]}\\d{2}$`));
    }
  });
});

describe('generatePerson', () => {
  const sample = people(2025, 4_000);

  it('always produces a resident ID that passes validation', () => {
    for (const { person } of sample) expect([person.idNumber, validateIdNumber('resident_id', person.idNumber, TODAY)]).toEqual([person.idNumber, null]);
  });

  it('encodes the branch area code, the birth date and the gender in the ID', () => {
    for (const { person, branch: b } of sample) {
      expect(b.areaCodes).toContain(person.idNumber.slice(0, 6));
      expect(birthDateFromResidentId(person.idNumber)).toBe(person.birthDate);
      expect(genderFromResidentId(person.idNumber)).toBe(person.gender);
      expect(person.idNumber.slice(14, 17)).not.toBe('000');
    }
  });

  it('gives birth dates from 1950 to 2004 and both genders in similar numbers', () => {
    const years = sample.map(({ person }) => Number(person.birthDate.slice(0, 4)));
    expect(Math.min(...years)).toBe(1950);
    expect(Math.max(...years)).toBe(2004);
    for (const { person } of sample) expect(person.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const men = sample.filter(({ person }) => person.gender === 'male').length;
    expect(men).toBeGreaterThan(1_800);
    expect(men).toBeLessThan(2_200);
  });

  it('gives Chinese names of two or three characters with common surnames most often', () => {
    const surnames = new Map<string, number>();
    for (const { person } of sample) {
      expect(person.name).toMatch(CHINESE);
      expect([2, 3]).toContain(person.name.length);
      surnames.set(person.name[0], (surnames.get(person.name[0]) ?? 0) + 1);
    }
    expect(sample.some(({ person }) => person.name.length === 2)).toBe(true);
    expect(sample.some(({ person }) => person.name.length === 3)).toBe(true);
    const top = [...surnames.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([s]) => s);
    expect(top).toEqual(expect.arrayContaining(['王', '李', '张']));
    expect(surnames.get('王')!).toBeGreaterThan(5 * (surnames.get('余') ?? 0));
  });

  it('gives mainland mobile numbers with real prefixes', () => {
    for (const { person } of sample) expect(person.phone).toMatch(/^1(3\d|5[0-35-9]|7[35-8]|8\d|9[189])\d{8}$/);
  });

  it('gives about half of the people an e-mail address at a common domain', () => {
    const withEmail = sample.filter(({ person }) => person.email !== null);
    expect(withEmail.length).toBeGreaterThan(1_800);
    expect(withEmail.length).toBeLessThan(2_200);
    for (const { person } of withEmail) {
      expect(person.email).toMatch(/^(\d{8,10}@qq\.com|user\d+@(163\.com|126\.com|sina\.com|foxmail\.com|outlook\.com))$/);
    }
  });

  it('places the address in the branch city and the district of the ID', () => {
    const districts: Record<string, string> = { '110105': '朝阳区', '310115': '浦东新区', '440106': '天河区', '510107': '武侯区' };
    for (const { person, branch: b } of sample) {
      expect(person.address.startsWith(CITY_PREFIX[b.code])).toBe(true);
      expect(person.address).toMatch(/\d+号(\d+号楼\d单元|\d+栋)\d+室$/);
      const district = districts[person.idNumber.slice(0, 6)];
      if (district) expect(person.address.startsWith(CITY_PREFIX[b.code] + district)).toBe(true);
    }
  });

  it('fills occupation and source from the fixed lists, using every source', () => {
    const sources = new Set<string>();
    for (const { person } of sample) {
      expect(person.kind).toBe('individual');
      expect(person.idType).toBe('resident_id');
      expect(person.occupation).toMatch(CHINESE);
      sources.add(person.source);
    }
    expect([...sources].sort()).toEqual(['application', 'claim', 'customer', 'third_party']);
  });

  it('gives identical people for the same seed and different ones for another seed', () => {
    expect(people(77, 50)).toEqual(people(77, 50));
    expect(people(77, 50)).not.toEqual(people(78, 50));
  });

  it('still works for a branch whose area codes it has no district names for', () => {
    const other: DemoBranch = { code: 'ZJ', name: '浙江分公司', region: '浙江省', areaCodes: ['330106'] };
    const person = generatePerson(createRng(5), other);
    expect(validateIdNumber('resident_id', person.idNumber, TODAY)).toBeNull();
    expect(person.idNumber.slice(0, 6)).toBe('330106');
    expect(person.address.startsWith('浙江省')).toBe(true);
  });
});

describe('generateGroup', () => {
  const sample = groups(31, 2_000);

  it('always produces a unified social credit code that passes validation', () => {
    for (const { group } of sample) {
      expect([group.idNumber, validateIdNumber('unified_social_credit_code', group.idNumber)]).toEqual([group.idNumber, null]);
    }
  });

  it('builds the code from an enterprise prefix, the branch area code and a valid organisation code', () => {
    const weights = [3, 7, 9, 10, 5, 8, 4, 2];
    for (const { group, branch: b } of sample) {
      expect(group.idNumber.slice(0, 2)).toBe('91');
      expect(b.areaCodes).toContain(group.idNumber.slice(2, 8));
      const org = group.idNumber.slice(8, 17);
      const sum = [...org.slice(0, 8)].reduce((acc, c, i) => acc + Number(c) * weights[i], 0);
      const check = 11 - (sum % 11);
      expect(org[8]).toBe(check === 10 ? 'X' : check === 11 ? '0' : String(check));
    }
  });

  it('names companies after the branch city', () => {
    for (const { group, branch: b } of sample) {
      expect(group.name).toMatch(CHINESE);
      expect(group.name.startsWith(CITY_SHORT[b.code])).toBe(true);
      expect(group.name.endsWith('有限公司')).toBe(true);
    }
  });

  it('uses a city landline or a mobile, and an office address in the city', () => {
    const dial: Record<string, string> = { BJ: '010', SH: '021', GD: '020', SC: '028' };
    let landlines = 0;
    for (const { group, branch: b } of sample) {
      if (group.phone.includes('-')) {
        landlines++;
        expect(group.phone).toMatch(new RegExp(`^${dial[b.code]}-[2-8]\\d{7}$`));
      } else {
        expect(group.phone).toMatch(/^1[3-9]\d{9}$/);
      }
      expect(group.address.startsWith(CITY_PREFIX[b.code])).toBe(true);
      expect(group.address).toMatch(/号\d+层(\d{2}室)?$/);
    }
    expect(landlines).toBeGreaterThan(1_000);
    expect(landlines).toBeLessThan(1_400);
  });

  it('leaves the person-only fields empty', () => {
    for (const { group } of sample.slice(0, 50)) {
      expect(group).toMatchObject({ kind: 'group', idType: 'unified_social_credit_code', occupation: null, gender: null, birthDate: null, source: 'application' });
    }
  });

  it('gives identical groups for the same seed', () => {
    expect(groups(5, 30)).toEqual(groups(5, 30));
    expect(groups(5, 30)).not.toEqual(groups(6, 30));
  });
});

describe('DEMO_PRODUCTS', () => {
  it('has about a dozen products with unique codes across all five lines', () => {
    expect(DEMO_PRODUCTS.length).toBeGreaterThanOrEqual(10);
    expect(DEMO_PRODUCTS.length).toBeLessThanOrEqual(15);
    expect(new Set(DEMO_PRODUCTS.map((p) => p.code)).size).toBe(DEMO_PRODUCTS.length);
    expect(new Set(DEMO_PRODUCTS.map((p) => p.line))).toEqual(new Set(['life', 'health', 'accident', 'property', 'auto']));
  });

  it('includes the products other parts of the demo refer to', () => {
    expect(DEMO_PRODUCTS.find((p) => p.code === 'LF2001')).toMatchObject({ name: '鑫享终身寿险', line: 'life', termYears: 20 });
    expect(DEMO_PRODUCTS.find((p) => p.code === 'AU1001')).toMatchObject({ name: '机动车商业保险', line: 'auto', termYears: 1 });
    expect(DEMO_PRODUCTS.find((p) => p.name === '百万医疗险')).toMatchObject({ line: 'health', termYears: 1 });
  });

  it('has sane terms and whole-fen ranges', () => {
    for (const p of DEMO_PRODUCTS) {
      expect(p.code).toMatch(/^[A-Z]{2}\d{4}$/);
      expect(p.name).toMatch(CHINESE);
      expect(Number.isInteger(p.termYears) && p.termYears >= 1).toBe(true);
      for (const [low, high] of [p.premiumFen, p.sumInsuredFen]) {
        expect(Number.isSafeInteger(low) && Number.isSafeInteger(high)).toBe(true);
        expect(low).toBeGreaterThan(0);
        expect(low).toBeLessThanOrEqual(high);
      }
      // Cover always exceeds the premium paid for it.
      expect(p.sumInsuredFen[0]).toBeGreaterThan(p.premiumFen[0]);
    }
  });
});

describe('policyNumber', () => {
  it('joins P, the branch code, the year and a 7-digit sequence', () => {
    expect(policyNumber(branch('BJ'), 2025, 123)).toBe('PBJ20250000123');
    expect(policyNumber(branch('SC'), 2024, 1)).toBe('PSC20240000001');
    expect(policyNumber(branch('GD'), 2025, 9_999_999)).toBe('PGD20259999999');
  });

  it('refuses sequences and years that would not fit the format', () => {
    expect(() => policyNumber(branch('BJ'), 2025, 0)).toThrow(RangeError);
    expect(() => policyNumber(branch('BJ'), 2025, 10_000_000)).toThrow(RangeError);
    expect(() => policyNumber(branch('BJ'), 2025, 1.5)).toThrow(RangeError);
    expect(() => policyNumber(branch('BJ'), 999, 1)).toThrow(RangeError);
    expect(() => policyNumber(branch('BJ'), 10_000, 1)).toThrow(RangeError);
  });
});

it('generated IDs would be rejected if their check digit were wrong', () => {
  // Guards the validity tests above against passing vacuously.
  const { idNumber } = generatePerson(createRng(1), DEMO_BRANCHES[0]);
  const wrong = idNumber.slice(0, 17) + (residentIdCheckDigit(idNumber.slice(0, 17)) === '0' ? '1' : '0');
  expect(validateIdNumber('resident_id', wrong, TODAY)).toBe('check digit does not match');
});
