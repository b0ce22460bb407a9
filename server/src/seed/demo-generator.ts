import { residentIdCheckDigit, uniformSocialCreditCheckChar } from '../modules/customers/id-number';

/**
 * Realistic demo data as plain objects; writing them to the database is someone else's job. Every
 * random choice goes through a seeded generator so a demo database can be rebuilt identically.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

// mulberry32: tiny, fast and good enough for demo data; Math.random cannot be seeded.
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int(min, max) {
      if (!Number.isInteger(min) || !Number.isInteger(max) || min > max) throw new RangeError(`invalid range ${min}..${max}`);
      return min + Math.floor(next() * (max - min + 1));
    },
    pick(items) {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[Math.floor(next() * items.length)];
    },
    chance(p) {
      return next() < p;
    },
  };
}

/** Picks an item with probability proportional to its weight. */
function weighted<T>(rng: Rng, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = rng.next() * total;
  for (const [item, weight] of entries) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return entries[entries.length - 1][0];
}

function digits(rng: Rng, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(rng.int(0, 9));
  return out;
}

export interface DemoBranch {
  code: string;
  name: string;
  region: string;
  areaCodes: string[];
}

export const DEMO_BRANCHES: DemoBranch[] = [
  { code: 'BJ', name: '北京分公司', region: '北京市', areaCodes: ['110101', '110102', '110105', '110106', '110108'] },
  { code: 'SH', name: '上海分公司', region: '上海市', areaCodes: ['310101', '310104', '310105', '310106', '310115'] },
  { code: 'GD', name: '广东分公司', region: '广东省', areaCodes: ['440103', '440104', '440105', '440106', '440111'] },
  { code: 'SC', name: '四川分公司', region: '四川省', areaCodes: ['510104', '510105', '510106', '510107', '510108'] },
];

// Keyed by area code rather than stored on the branch, so DemoBranch stays the plain shape the
// database layer expects. Codes not listed here still work, with a plainer address.
const DISTRICTS: Record<string, string> = {
  '110101': '东城区', '110102': '西城区', '110105': '朝阳区', '110106': '丰台区', '110108': '海淀区',
  '310101': '黄浦区', '310104': '徐汇区', '310105': '长宁区', '310106': '静安区', '310115': '浦东新区',
  '440103': '荔湾区', '440104': '越秀区', '440105': '海珠区', '440106': '天河区', '440111': '白云区',
  '510104': '锦江区', '510105': '青羊区', '510106': '金牛区', '510107': '武侯区', '510108': '成华区',
};

interface City {
  /** How an address starts: the province (unless a municipality) and the city. */
  prefix: string;
  /** As used in company names. */
  short: string;
  dialCode: string;
  streets: readonly string[];
}

// Keyed by the first four digits of the area code, which identify the prefecture-level city.
const CITIES: Record<string, City> = {
  '1101': { prefix: '北京市', short: '北京', dialCode: '010', streets: ['建国路', '朝阳北路', '中关村大街', '学院路', '西直门外大街', '东四十条', '丰台北路', '复兴路'] },
  '3101': { prefix: '上海市', short: '上海', dialCode: '021', streets: ['南京西路', '淮海中路', '世纪大道', '肇嘉浜路', '延安西路', '张杨路', '漕溪北路', '长宁路'] },
  '4401': { prefix: '广东省广州市', short: '广州', dialCode: '020', streets: ['天河路', '体育西路', '环市东路', '中山五路', '江南大道中', '黄埔大道西', '广州大道北', '东风中路'] },
  '5101': { prefix: '四川省成都市', short: '成都', dialCode: '028', streets: ['人民南路', '蜀都大道', '春熙路', '一环路南三段', '天府大道北段', '建设路', '金府路', '青华路'] },
};

const FALLBACK_STREETS = ['人民路', '解放路', '中山路', '建设路', '和平路', '文化路'];

function cityOf(branch: DemoBranch, areaCode: string): City {
  return (
    CITIES[areaCode.slice(0, 4)] ?? {
      prefix: branch.region,
      short: branch.region.replace(/[省市]$/, ''),
      dialCode: '',
      streets: FALLBACK_STREETS,
    }
  );
}

function streetAddress(rng: Rng, city: City, areaCode: string): string {
  return `${city.prefix}${DISTRICTS[areaCode] ?? ''}${rng.pick(city.streets)}${rng.int(1, 399)}号`;
}

function homeAddress(rng: Rng, city: City, areaCode: string): string {
  const floor = rng.int(1, 28);
  const room = `${floor}${String(rng.int(1, 6)).padStart(2, '0')}`;
  const unit = rng.chance(0.6) ? `${rng.int(1, 20)}号楼${rng.int(1, 4)}单元${room}室` : `${rng.int(1, 12)}栋${room}室`;
  return streetAddress(rng, city, areaCode) + unit;
}

function officeAddress(rng: Rng, city: City, areaCode: string): string {
  return streetAddress(rng, city, areaCode) + `${rng.int(1, 30)}层${rng.chance(0.5) ? `${rng.int(1, 20).toString().padStart(2, '0')}室` : ''}`;
}

// Rough relative frequencies of China's commonest surnames (2020 census), so names look natural.
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 74], ['李', 72], ['张', 68], ['刘', 55], ['陈', 46], ['杨', 32], ['黄', 25], ['赵', 21], ['吴', 20], ['周', 19],
  ['徐', 15], ['孙', 15], ['马', 14], ['朱', 13], ['胡', 12], ['郭', 12], ['何', 11], ['林', 11], ['高', 11], ['罗', 10],
  ['郑', 9], ['梁', 9], ['谢', 7], ['宋', 7], ['唐', 7], ['许', 6], ['韩', 6], ['邓', 6], ['冯', 6], ['曹', 6],
  ['彭', 5], ['曾', 5], ['肖', 5], ['田', 5], ['董', 5], ['潘', 4], ['袁', 4], ['蔡', 4], ['蒋', 4], ['余', 4],
];

const GIVEN_MALE = ['伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波', '宇', '浩', '建', '国', '志', '文', '俊', '峰', '晨', '子', '轩', '博'];
const GIVEN_FEMALE = ['芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '秀', '玲', '桂', '英', '燕', '婷', '雪', '慧', '颖', '倩', '琳', '欣', '怡', '佳', '梅', '晓', '雨', '萱', '思', '悦', '璐', '丹'];

const OCCUPATIONS = [
  '教师', '工程师', '个体经营者', '公务员', '医生', '护士', '会计', '销售人员', '程序员', '律师',
  '司机', '厨师', '公司职员', '自由职业者', '退休人员', '学生', '农民', '建筑工人', '快递员', '设计师',
];

// Mainland mobile number blocks in current use across China Mobile, China Unicom and China Telecom.
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139',
  '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '173', '175', '176', '177', '178',
  '180', '181', '182', '183', '184', '185', '186', '187', '188', '189',
  '191', '198', '199',
];

const EMAIL_DOMAINS = ['qq.com', '163.com', '126.com', 'sina.com', 'foxmail.com', 'outlook.com'];

const PERSON_SOURCES: readonly (readonly [DemoPerson['source'], number])[] = [
  ['application', 50],
  ['customer', 25],
  ['claim', 15],
  ['third_party', 10],
];

export interface DemoPerson {
  kind: 'individual';
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  idType: 'resident_id';
  idNumber: string;
  phone: string;
  email: string | null;
  address: string;
  occupation: string;
  source: 'application' | 'claim' | 'customer' | 'third_party';
}

export interface DemoGroup {
  kind: 'group';
  name: string;
  idType: 'unified_social_credit_code';
  idNumber: string;
  phone: string;
  email: string | null;
  address: string;
  occupation: null;
  gender: null;
  birthDate: null;
  source: 'application';
}

function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + digits(rng, 8);
}

function personalEmail(rng: Rng): string {
  const domain = rng.pick(EMAIL_DOMAINS);
  // QQ mail addresses are usually the numeric QQ account itself.
  const local = domain === 'qq.com' ? String(rng.int(10000000, 2999999999)) : `user${rng.int(100, 999999)}`;
  return `${local}@${domain}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const BIRTH_FROM = Date.UTC(1950, 0, 1);
const BIRTH_TO = Date.UTC(2004, 11, 31);

function birthDate(rng: Rng): string {
  const day = new Date(BIRTH_FROM + rng.int(0, (BIRTH_TO - BIRTH_FROM) / DAY_MS) * DAY_MS);
  return day.toISOString().slice(0, 10);
}

export function generatePerson(rng: Rng, branch: DemoBranch): DemoPerson {
  const gender = rng.chance(0.5) ? 'male' : 'female';
  const given = gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
  const name = weighted(rng, SURNAMES) + rng.pick(given) + (rng.chance(0.7) ? rng.pick(given) : '');
  const born = birthDate(rng);
  const areaCode = rng.pick(branch.areaCodes);
  // The sequence's last digit carries the gender: odd for men, even for women; 000 is never issued.
  const sequence = String(gender === 'male' ? rng.int(1, 500) * 2 - 1 : rng.int(1, 499) * 2).padStart(3, '0');
  const first17 = areaCode + born.replace(/-/g, '') + sequence;
  return {
    kind: 'individual',
    name,
    gender,
    birthDate: born,
    idType: 'resident_id',
    idNumber: first17 + residentIdCheckDigit(first17),
    phone: mobile(rng),
    email: rng.chance(0.5) ? personalEmail(rng) : null,
    address: homeAddress(rng, cityOf(branch, areaCode), areaCode),
    occupation: rng.pick(OCCUPATIONS),
    source: weighted(rng, PERSON_SOURCES),
  };
}

const BRAND_WORDS = ['锦程', '华信', '恒通', '瑞丰', '鼎盛', '宏达', '远航', '新元', '博睿', '嘉禾', '天成', '金桥', '中和', '永泰', '众合', '汇丰源', '启明', '盛世'];
const INDUSTRIES = ['物流', '科技', '贸易', '建筑工程', '餐饮管理', '医疗器械', '文化传媒', '电子', '食品', '信息技术', '机械制造', '商务咨询'];

// GB 11714 organisation code check digit, the 9th character of the code embedded in a credit code.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function organizationCode(rng: Rng): string {
  const body = digits(rng, 8);
  const sum = [...body].reduce((acc, c, i) => acc + Number(c) * ORG_WEIGHTS[i], 0);
  const check = 11 - (sum % 11);
  return body + (check === 10 ? 'X' : check === 11 ? '0' : String(check));
}

export function generateGroup(rng: Rng, branch: DemoBranch): DemoGroup {
  const areaCode = rng.pick(branch.areaCodes);
  const city = cityOf(branch, areaCode);
  const name = `${city.short}${rng.pick(BRAND_WORDS)}${rng.pick(INDUSTRIES)}${rng.chance(0.15) ? '股份有限公司' : '有限公司'}`;
  // '9' registered with market regulation, '1' an enterprise; then where, then the organisation code.
  const first17 = '91' + areaCode + organizationCode(rng);
  const landline = city.dialCode !== '' && rng.chance(0.6);
  return {
    kind: 'group',
    name,
    idType: 'unified_social_credit_code',
    idNumber: first17 + uniformSocialCreditCheckChar(first17),
    phone: landline ? `${city.dialCode}-${rng.int(2, 8)}${digits(rng, 7)}` : mobile(rng),
    email: rng.chance(0.6) ? `${rng.pick(['hr', 'admin', 'office', 'finance'])}${rng.int(10, 9999)}@${rng.pick(['163.com', '126.com', 'qq.com', 'aliyun.com'])}` : null,
    address: officeAddress(rng, city, areaCode),
    occupation: null,
    gender: null,
    birthDate: null,
    source: 'application',
  };
}

export interface DemoProduct {
  code: string;
  name: string;
  line: 'life' | 'health' | 'accident' | 'property' | 'auto';
  termYears: number;
  /** Annual premium range in fen (1 yuan = 100 fen), both ends included. */
  premiumFen: [number, number];
  sumInsuredFen: [number, number];
}

const YUAN = 100;

export const DEMO_PRODUCTS: DemoProduct[] = [
  { code: 'LF2001', name: '鑫享终身寿险', line: 'life', termYears: 20, premiumFen: [3_000 * YUAN, 100_000 * YUAN], sumInsuredFen: [100_000 * YUAN, 5_000_000 * YUAN] },
  { code: 'LF2002', name: '安心定期寿险', line: 'life', termYears: 20, premiumFen: [500 * YUAN, 8_000 * YUAN], sumInsuredFen: [500_000 * YUAN, 3_000_000 * YUAN] },
  { code: 'LF2003', name: '金福年金保险', line: 'life', termYears: 10, premiumFen: [10_000 * YUAN, 200_000 * YUAN], sumInsuredFen: [50_000 * YUAN, 2_000_000 * YUAN] },
  { code: 'HL3001', name: '百万医疗险', line: 'health', termYears: 1, premiumFen: [200 * YUAN, 3_000 * YUAN], sumInsuredFen: [3_000_000 * YUAN, 6_000_000 * YUAN] },
  { code: 'HL3002', name: '康宁重大疾病保险', line: 'health', termYears: 30, premiumFen: [2_000 * YUAN, 30_000 * YUAN], sumInsuredFen: [100_000 * YUAN, 1_000_000 * YUAN] },
  { code: 'HL3003', name: '惠民门急诊医疗保险', line: 'health', termYears: 1, premiumFen: [100 * YUAN, 800 * YUAN], sumInsuredFen: [5_000 * YUAN, 20_000 * YUAN] },
  { code: 'AC4001', name: '综合意外伤害保险', line: 'accident', termYears: 1, premiumFen: [100 * YUAN, 600 * YUAN], sumInsuredFen: [100_000 * YUAN, 1_000_000 * YUAN] },
  { code: 'AC4002', name: '交通工具意外伤害保险', line: 'accident', termYears: 1, premiumFen: [50 * YUAN, 300 * YUAN], sumInsuredFen: [200_000 * YUAN, 2_000_000 * YUAN] },
  { code: 'AC4003', name: '团体意外伤害保险', line: 'accident', termYears: 1, premiumFen: [2_000 * YUAN, 200_000 * YUAN], sumInsuredFen: [500_000 * YUAN, 50_000_000 * YUAN] },
  { code: 'PR5001', name: '家庭财产综合保险', line: 'property', termYears: 1, premiumFen: [100 * YUAN, 1_500 * YUAN], sumInsuredFen: [100_000 * YUAN, 2_000_000 * YUAN] },
  { code: 'PR5002', name: '企业财产综合险', line: 'property', termYears: 1, premiumFen: [5_000 * YUAN, 500_000 * YUAN], sumInsuredFen: [1_000_000 * YUAN, 200_000_000 * YUAN] },
  { code: 'AU1001', name: '机动车商业保险', line: 'auto', termYears: 1, premiumFen: [1_500 * YUAN, 20_000 * YUAN], sumInsuredFen: [500_000 * YUAN, 4_000_000 * YUAN] },
  // Compulsory traffic insurance: a family car's 950 yuan base premium moves up to 30% either way with
  // its claims record; the combined liability limit is fixed at 200,000 yuan.
  { code: 'AU1002', name: '机动车交通事故责任强制保险', line: 'auto', termYears: 1, premiumFen: [665 * YUAN, 1_235 * YUAN], sumInsuredFen: [200_000 * YUAN, 200_000 * YUAN] },
];

export function policyNumber(branch: DemoBranch, year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year ${year} must have four digits`);
  if (!Number.isInteger(seq) || seq < 1 || seq > 9_999_999) throw new RangeError(`sequence ${seq} must be 1 to 9999999`);
  return `P${branch.code}${year}${String(seq).padStart(7, '0')}`;
}
