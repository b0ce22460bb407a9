import { commonPasswords, newTemporaryPassword, passwordProblem } from './password-rules';

const me = { username: 'zhang.wei', displayName: '张伟' };

describe('password rules (NIST SP 800-63B)', () => {
  it('asks for 12 to 128 characters, counting Chinese characters as one each', () => {
    expect(passwordProblem('short pass', me)).toMatch(/at least 12/);
    expect(passwordProblem('春眠不觉晓处处闻啼鸟夜来', me)).toBeNull();
    expect(passwordProblem('春眠不觉晓处处闻啼鸟夜', me)).toMatch(/at least 12/);
    expect(passwordProblem('x'.repeat(64) + 'y'.repeat(64), me)).toBeNull();
    expect(passwordProblem('x'.repeat(65) + 'y'.repeat(64), me)).toMatch(/at most 128/);
  });

  it('has no composition rules: a long phrase of lower-case words is fine', () => {
    expect(passwordProblem('correct horse battery staple', me)).toBeNull();
    expect(passwordProblem('lanzhou noodles at noon', me)).toBeNull();
  });

  it('refuses the shipped common passwords, whatever the letter case', () => {
    expect(commonPasswords().size).toBeGreaterThan(3000);
    expect(passwordProblem('password1234', me)).toMatch(/most common/);
    expect(passwordProblem('Password1234', me)).toMatch(/most common/);
    expect(passwordProblem('1qaz2wsx3edc', me)).toMatch(/most common/);
    expect(passwordProblem('woaini5201314', me)).toMatch(/most common/);
    expect(passwordProblem('iloveyou1990', me)).toMatch(/most common/);
  });

  it('refuses repeats and sequences', () => {
    expect(passwordProblem('aaaaaaaaaaaa', me)).toMatch(/repeated/);
    expect(passwordProblem('abcdabcdabcd', me)).toMatch(/repeated/);
    expect(passwordProblem('234567890123', me)).toMatch(/sequence/);
    expect(passwordProblem('mlkjihgfedcb', me)).toMatch(/sequence/);
  });

  it('refuses the username, the own name and the name of the system', () => {
    expect(passwordProblem('my zhang.wei account', me)).toMatch(/username/);
    expect(passwordProblem('张伟张伟张伟张伟张伟张伟', me)).toMatch(/repeated/);
    expect(passwordProblem('the insuredesk login', me)).toMatch(/this system/);
  });

  it('makes temporary passwords that pass the rules and differ every time', () => {
    const a = newTemporaryPassword();
    expect(a).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    expect(passwordProblem(a, me)).toBeNull();
    expect(newTemporaryPassword()).not.toBe(a);
  });
});
