import { Complaint } from './complaint.entity';
import { ComplaintChannel, ComplaintSeverity, MajorReason } from './complaint.enums';
import { authorityOf, classify, complaintProblems, majorReasonsOf, withinAuthority } from './complaint.rules';
import type { ComplaintPolicy } from './complaint-policy.entity';

const POLICY = { majorAmountFen: 50_000_000, majorDeathCount: 2 } as ComplaintPolicy;
const LIMITS = [
  { role: 'agent', limitFen: 100_000 },
  { role: 'manager', limitFen: 5_000_000 },
  { role: 'compliance', limitFen: null },
];

describe('majorReasonsOf', () => {
  it('finds none for an ordinary complaint', () => {
    expect(majorReasonsOf({ channel: ComplaintChannel.hotline, disputedAmountFen: 50_000_000, deathCount: 1 }, POLICY)).toEqual([]);
  });

  it('names every rule that applies', () => {
    expect(majorReasonsOf({ channel: ComplaintChannel.regulator }, POLICY)).toEqual([MajorReason.regulator_transferred]);
    expect(majorReasonsOf({ channel: ComplaintChannel.media }, POLICY)).toEqual([MajorReason.media]);
    expect(majorReasonsOf({ channel: ComplaintChannel.hotline, involvesMedia: true, involvesLitigation: true }, POLICY)).toEqual([MajorReason.media, MajorReason.litigation]);
    // More than ¥500,000: one fen above is major, exactly ¥500,000 is not.
    expect(majorReasonsOf({ disputedAmountFen: 50_000_001 }, POLICY)).toEqual([MajorReason.large_amount]);
    expect(majorReasonsOf({ deathCount: 2 }, POLICY)).toEqual([MajorReason.deaths]);
    expect(majorReasonsOf({ groupComplaint: true, majorByHand: true }, POLICY)).toEqual([MajorReason.group_complaint, MajorReason.by_hand]);
  });

  it('follows the thresholds of the policy record', () => {
    expect(majorReasonsOf({ disputedAmountFen: 200_000 }, { majorAmountFen: 100_000, majorDeathCount: 1 })).toEqual([MajorReason.large_amount]);
    expect(majorReasonsOf({ deathCount: 1 }, { majorAmountFen: 100_000, majorDeathCount: 1 })).toEqual([MajorReason.deaths]);
  });
});

describe('classify', () => {
  const at = new Date('2026-11-02T01:00:00Z');

  it('starts the head-office clock when a complaint becomes major, and keeps it when it stays major', () => {
    expect(classify({ involvesLitigation: true }, POLICY, at)).toEqual({ severity: ComplaintSeverity.major, majorReasons: [MajorReason.litigation], majorSince: at });
    const since = new Date('2026-10-30T01:00:00Z');
    expect(classify({ involvesLitigation: true, groupComplaint: true, majorSince: since }, POLICY, at).majorSince).toBe(since);
    expect(classify({ majorSince: since }, POLICY, at)).toEqual({ severity: ComplaintSeverity.general, majorReasons: [], majorSince: null });
  });
});

describe('complaintProblems', () => {
  const at = new Date('2026-11-02T01:00:00Z');
  const ok = { complainantName: '王先生', complainantPhone: '13812345678', summary: '理赔慢', channel: ComplaintChannel.hotline, receivedAt: at } as Partial<Complaint>;

  it('accepts a complete registration', () => {
    expect(complaintProblems(ok, at)).toEqual({});
  });

  it('needs a name and a way to reach the complainant unless a customer is linked', () => {
    expect(complaintProblems({ ...ok, complainantName: ' ', complainantPhone: null }, at)).toEqual({
      complainantName: expect.stringMatching(/required/),
      complainantPhone: expect.stringMatching(/phone number, e-mail or address/),
    });
    expect(complaintProblems({ ...ok, complainantName: '', complainantPhone: null, complainantCustomerId: 7 }, at)).toEqual({});
  });

  it('allows a receipt time a few minutes ahead (clock skew) but not later', () => {
    expect(complaintProblems({ ...ok, receivedAt: new Date(at.getTime() + 4 * 60_000) }, at)).toEqual({});
    expect(complaintProblems({ ...ok, receivedAt: new Date(at.getTime() + 6 * 60_000) }, at)).toHaveProperty('receivedAt');
  });

  it("requires the regulator's reference and deadline exactly for regulator-transferred complaints", () => {
    expect(Object.keys(complaintProblems({ ...ok, channel: ComplaintChannel.regulator }, at)).sort()).toEqual(['regulatorDueAt', 'regulatorReference']);
    expect(complaintProblems({ ...ok, channel: ComplaintChannel.regulator, regulatorReference: 'X1', regulatorDueAt: at }, at)).toHaveProperty('regulatorDueAt');
    expect(complaintProblems({ ...ok, regulatorReference: 'X1' }, at)).toHaveProperty('regulatorReference');
  });

  it('refuses a masked contact value', () => {
    expect(complaintProblems({ ...ok, complainantPhone: '138****5678' }, at)).toHaveProperty('complainantPhone');
  });
});

describe('approval authority', () => {
  it('takes the highest limit among the roles held, unlimited when one has none', () => {
    expect(authorityOf(['agent'], LIMITS)).toBe(100_000);
    expect(authorityOf(['agent', 'manager'], LIMITS)).toBe(5_000_000);
    expect(authorityOf(['manager', 'compliance'], LIMITS)).toBeNull();
    expect(authorityOf(['inspector'], LIMITS)).toBe(0);
    expect(authorityOf([], LIMITS)).toBe(0);
  });

  it('judges an amount against an authority, inclusive', () => {
    expect(withinAuthority(100_000, 100_000)).toBe(true);
    expect(withinAuthority(100_001, 100_000)).toBe(false);
    expect(withinAuthority(0, 0)).toBe(true);
    expect(withinAuthority(1e12, null)).toBe(true);
  });
});
