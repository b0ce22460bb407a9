// GB 11643: weight of position i is 2^(17-i) mod 11; the check character indexes "10X98765432".
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

function checkDigit(first17: string): string {
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i], 0);
  return CHECK[sum % 11];
}

/**
 * A valid resident ID number (Beijing Dongcheng, a random birth date in the 1980s), unlikely to
 * collide with the demo data; and the same number with a wrong check digit.
 */
export function residentId(): { valid: string; wrongCheckDigit: string } {
  const year = 1980 + Math.floor(Math.random() * 10);
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const sequence = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const first17 = `110101${year}${month}${day}${sequence}`;
  const check = checkDigit(first17);
  const wrong = CHECK[(CHECK.indexOf(check) + 1) % CHECK.length];
  return { valid: first17 + check, wrongCheckDigit: first17 + wrong };
}
