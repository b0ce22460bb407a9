import {
  ID_TYPES,
  birthDateFromResidentId,
  genderFromResidentId,
  isIdType,
  normalizeIdNumber,
  residentIdCheckDigit,
  uniformSocialCreditCheckChar,
  validateIdNumber,
} from './id-number';

// Noon in Beijing on 2025-06-15, so "today" is unambiguous for the future-date rule.
const TODAY = new Date('2025-06-15T12:00:00+08:00');

/** Builds a resident ID with a correct check digit, for cases that test some other rule. */
function residentId(area: string, birth: string, seq: string): string {
  const first17 = area + birth + seq;
  return first17 + residentIdCheckDigit(first17);
}

describe('normalizeIdNumber', () => {
  it('trims, removes inner spaces (including full-width ones) and uppercases', () => {
    expect(normalizeIdNumber('  110105 19491231 002x ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('e1234\u30005678\t9')).toBe('E123456789');
    expect(normalizeIdNumber('')).toBe('');
  });
});

describe('isIdType', () => {
  it('accepts exactly the listed document types', () => {
    for (const type of ID_TYPES) expect(isIdType(type)).toBe(true);
    expect(isIdType('driving_licence')).toBe(false);
    expect(isIdType('Resident_ID')).toBe(false);
  });
});

describe('residentIdCheckDigit', () => {
  it('matches the examples published with GB 11643', () => {
    expect(residentIdCheckDigit('11010519491231002')).toBe('X');
    expect(residentIdCheckDigit('44052418800101001')).toBe('4');
  });

  it('computes ISO 7064 MOD 11-2 for other inputs', () => {
    expect(residentIdCheckDigit('11010519900307123')).toBe('9');
    expect(residentIdCheckDigit('51010719851212345')).toBe('8');
    expect(residentIdCheckDigit('81000019900101001')).toBe('9');
    // Eleven bodies whose check digits cover every remainder, computed independently.
    const expected: Record<string, string> = {
      '31010419850615100': 'X', '31010419850615101': '8', '31010419850615102': '6', '31010419850615103': '4',
      '31010419850615104': '2', '31010419850615105': '0', '31010419850615106': '9', '31010419850615107': '7',
      '31010419850615108': '5', '31010419850615109': '3', '31010419850615118': '1',
    };
    for (const [body, check] of Object.entries(expected)) expect([body, residentIdCheckDigit(body)]).toEqual([body, check]);
    // Weights sum to 0 mod 11 for all zeros, which maps to '1'.
    expect(residentIdCheckDigit('00000000000000000')).toBe('1');
  });

  it('refuses input that is not 17 digits', () => {
    expect(() => residentIdCheckDigit('1101051949123100')).toThrow(RangeError);
    expect(() => residentIdCheckDigit('11010519491231002X')).toThrow(RangeError);
    expect(() => residentIdCheckDigit('1101051949123100A')).toThrow(RangeError);
  });
});

describe('uniformSocialCreditCheckChar', () => {
  it('matches the check characters of real registered companies', () => {
    expect(uniformSocialCreditCheckChar('9144030071526726X')).toBe('G');
    expect(uniformSocialCreditCheckChar('91330100799655058')).toBe('B');
    expect(uniformSocialCreditCheckChar('91110108551385082')).toBe('Q');
    expect(uniformSocialCreditCheckChar('91350100M000100Y4')).toBe('3');
    expect(uniformSocialCreditCheckChar('91110000600037341')).toBe('L');
  });

  it('maps a remainder of zero to the character 0', () => {
    expect(uniformSocialCreditCheckChar('00000000000000000')).toBe('0');
  });

  it('refuses wrong lengths and characters outside the GB 32100 alphabet', () => {
    expect(() => uniformSocialCreditCheckChar('9144030071526726')).toThrow(RangeError);
    expect(() => uniformSocialCreditCheckChar('9144030071526726I')).toThrow(/"I"/);
    expect(() => uniformSocialCreditCheckChar('914403007152672OX')).toThrow(/"O"/);
  });
});

describe('validateIdNumber: resident_id', () => {
  const valid = '11010519491231002X';

  it('accepts a valid ID, also typed with spaces or a lower-case x', () => {
    expect(validateIdNumber('resident_id', valid, TODAY)).toBeNull();
    expect(validateIdNumber('resident_id', ' 110105 19491231 002x', TODAY)).toBeNull();
  });

  it('accepts HK, Macao and Taiwan residence permits, which use area codes 810000/820000/830000', () => {
    for (const area of ['810000', '820000', '830000']) {
      expect(validateIdNumber('resident_id', residentId(area, '19900101', '001'), TODAY)).toBeNull();
    }
  });

  it('requires a value', () => {
    expect(validateIdNumber('resident_id', '', TODAY)).toBe('is required');
    expect(validateIdNumber('resident_id', '   ', TODAY)).toBe('is required');
  });

  it('requires 18 characters', () => {
    expect(validateIdNumber('resident_id', valid.slice(0, 17), TODAY)).toBe('must be 18 characters');
    expect(validateIdNumber('resident_id', valid + '1', TODAY)).toBe('must be 18 characters');
    // First-generation 15-digit IDs are no longer accepted.
    expect(validateIdNumber('resident_id', '110105491231002', TODAY)).toBe('must be 18 characters');
  });

  it('allows X only as the last character', () => {
    expect(validateIdNumber('resident_id', '1101051949123100X2', TODAY)).toBe('must be 17 digits followed by a digit or X');
    expect(validateIdNumber('resident_id', '11010519491231002A', TODAY)).toBe('must be 17 digits followed by a digit or X');
  });

  it('rejects an area code starting with 0', () => {
    expect(validateIdNumber('resident_id', residentId('010105', '19900101', '001'), TODAY)).toBe('area code 010105 is not valid');
  });

  it('rejects birth dates that do not exist', () => {
    expect(validateIdNumber('resident_id', residentId('110105', '19900230', '123'), TODAY)).toBe('birth date 19900230 is not a real date');
    expect(validateIdNumber('resident_id', residentId('110105', '19901301', '123'), TODAY)).toBe('birth date 19901301 is not a real date');
    expect(validateIdNumber('resident_id', residentId('110105', '19900100', '123'), TODAY)).toBe('birth date 19900100 is not a real date');
    expect(validateIdNumber('resident_id', residentId('110105', '19900431', '123'), TODAY)).toBe('birth date 19900431 is not a real date');
  });

  it('knows leap years, including the century rules', () => {
    expect(validateIdNumber('resident_id', residentId('110105', '20000229', '123'), TODAY)).toBeNull();
    expect(validateIdNumber('resident_id', residentId('110105', '19920229', '123'), TODAY)).toBeNull();
    expect(validateIdNumber('resident_id', residentId('110105', '19900229', '123'), TODAY)).toBe('birth date 19900229 is not a real date');
    expect(validateIdNumber('resident_id', residentId('110105', '19000229', '123'), TODAY)).toBe('birth date 19000229 is not a real date');
  });

  it('rejects birth years before 1900, such as the 1880 example in GB 11643', () => {
    expect(validateIdNumber('resident_id', '440524188001010014', TODAY)).toBe('birth date 18800101 is before 1900');
    expect(validateIdNumber('resident_id', residentId('110105', '19000101', '123'), TODAY)).toBeNull();
  });

  it('rejects birth dates after today but accepts today', () => {
    expect(validateIdNumber('resident_id', residentId('110105', '20250615', '123'), TODAY)).toBeNull();
    expect(validateIdNumber('resident_id', residentId('110105', '20250616', '123'), TODAY)).toBe('birth date 20250616 is in the future');
    expect(validateIdNumber('resident_id', residentId('110105', '20300101', '123'), TODAY)).toBe('birth date 20300101 is in the future');
  });

  it('judges "today" by the calendar in China, not by UTC', () => {
    // 2025-06-15T20:00Z is already 2025-06-16 in Beijing.
    const lateUtc = new Date('2025-06-15T20:00:00Z');
    expect(validateIdNumber('resident_id', residentId('110105', '20250616', '123'), lateUtc)).toBeNull();
    expect(validateIdNumber('resident_id', residentId('110105', '20250617', '123'), lateUtc)).toBe('birth date 20250617 is in the future');
  });

  it('defaults "today" to the server clock', () => {
    expect(validateIdNumber('resident_id', residentId('110105', '20990101', '123'))).toBe('birth date 20990101 is in the future');
    expect(validateIdNumber('resident_id', valid)).toBeNull();
  });

  it('rejects a wrong check digit', () => {
    expect(validateIdNumber('resident_id', '110105194912310021', TODAY)).toBe('check digit does not match');
    expect(validateIdNumber('resident_id', '440524190001010014', TODAY)).toBe('check digit does not match');
    // A single mistyped digit in the body is caught too.
    expect(validateIdNumber('resident_id', '11010519491231003X', TODAY)).toBe('check digit does not match');
  });
});

describe('validateIdNumber: other documents', () => {
  it('passport: 5 to 17 letters or digits after normalising', () => {
    expect(validateIdNumber('passport', 'E12345678')).toBeNull();
    expect(validateIdNumber('passport', 'eh1234567')).toBeNull();
    expect(validateIdNumber('passport', 'G 1234 5678')).toBeNull();
    expect(validateIdNumber('passport', 'A1234')).toBeNull();
    expect(validateIdNumber('passport', 'A'.repeat(17))).toBeNull();
    expect(validateIdNumber('passport', 'A123')).toBe('must be 5 to 17 letters or digits');
    expect(validateIdNumber('passport', 'A'.repeat(18))).toBe('must be 5 to 17 letters or digits');
    expect(validateIdNumber('passport', 'E1234-5678')).toBe('must be 5 to 17 letters or digits');
    expect(validateIdNumber('passport', '')).toBe('is required');
  });

  it('HK/Macao travel permit: H or M and 8 or 10 digits', () => {
    expect(validateIdNumber('hk_macao_permit', 'H12345678')).toBeNull();
    expect(validateIdNumber('hk_macao_permit', 'm1234567890')).toBeNull();
    expect(validateIdNumber('hk_macao_permit', 'H123456789')).toBe('must be H or M followed by 8 or 10 digits');
    expect(validateIdNumber('hk_macao_permit', 'C12345678')).toBe('must be H or M followed by 8 or 10 digits');
    expect(validateIdNumber('hk_macao_permit', '12345678')).toBe('must be H or M followed by 8 or 10 digits');
  });

  it('Taiwan travel permit: 8 digits or 10 letters and digits', () => {
    expect(validateIdNumber('taiwan_permit', '12345678')).toBeNull();
    expect(validateIdNumber('taiwan_permit', '1234567890')).toBeNull();
    expect(validateIdNumber('taiwan_permit', '12345678ab')).toBeNull();
    expect(validateIdNumber('taiwan_permit', '123456789')).toBe('must be 8 digits or 10 letters and digits');
    expect(validateIdNumber('taiwan_permit', '1234567A')).toBe('must be 8 digits or 10 letters and digits');
    expect(validateIdNumber('taiwan_permit', '12345678901')).toBe('must be 8 digits or 10 letters and digits');
  });

  it('unified social credit code: length, alphabet and check character', () => {
    expect(validateIdNumber('unified_social_credit_code', '9144030071526726XG')).toBeNull();
    expect(validateIdNumber('unified_social_credit_code', '91350100m000100y43')).toBeNull();
    expect(validateIdNumber('unified_social_credit_code', '9144030071526726X')).toBe('must be 18 characters');
    expect(validateIdNumber('unified_social_credit_code', '9144030071526726XH')).toBe('check character does not match');
    expect(validateIdNumber('unified_social_credit_code', '914403007152672OXG')).toBe('character O is not allowed in a credit code');
    expect(validateIdNumber('unified_social_credit_code', '91440300715267-6XG')).toBe('character - is not allowed in a credit code');
  });

  it('does not crash on a document type that slipped past the type system', () => {
    expect(validateIdNumber('driving_licence' as never, '12345')).toBe('document type driving_licence is not supported');
  });
});

describe('birthDateFromResidentId', () => {
  it('reads the birth date as YYYY-MM-DD', () => {
    expect(birthDateFromResidentId('11010519491231002X')).toBe('1949-12-31');
    expect(birthDateFromResidentId(' 11010519491231002x')).toBe('1949-12-31');
    expect(birthDateFromResidentId(residentId('830000', '20000229', '001'))).toBe('2000-02-29');
  });

  it('returns null when there is no real date to read', () => {
    expect(birthDateFromResidentId('110105194912310')).toBeNull();
    expect(birthDateFromResidentId('E12345678')).toBeNull();
    expect(birthDateFromResidentId(residentId('110105', '19900230', '001'))).toBeNull();
  });
});

describe('genderFromResidentId', () => {
  it('reads an odd 17th digit as male and an even one as female', () => {
    expect(genderFromResidentId('11010519491231002X')).toBe('female');
    expect(genderFromResidentId('440524188001010014')).toBe('male');
    expect(genderFromResidentId(residentId('110105', '19900101', '120'))).toBe('female');
    expect(genderFromResidentId(residentId('110105', '19900101', '129'))).toBe('male');
  });

  it('refuses something that is not a resident ID', () => {
    expect(() => genderFromResidentId('E12345678')).toThrow(RangeError);
  });
});
