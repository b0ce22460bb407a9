import { buildAbility } from '../../access/ability';
import type { StoredRule } from '../../access/rules';
import { Complaint } from './complaint.entity';
import { ComplaintAction as A, ComplaintChannel, ComplaintSeverity, ComplaintState as S } from './complaint.enums';
import { availableActions, refusalOf, STEPS } from './complaint.workflow';

const BRANCH = { branchId: '${staff.branchId}' };
const AGENT: StoredRule[] = [{ action: ['read', 'create', 'update'], subject: 'Complaint', conditions: BRANCH }];
const MANAGER: StoredRule[] = [{ action: ['read', 'create', 'update', 'assign', 'approve'], subject: 'Complaint', conditions: BRANCH }];
const COMPLIANCE: StoredRule[] = [{ action: ['read', 'approve'], subject: 'Complaint' }];

const agent = { ability: buildAbility(AGENT, { id: 1, branchId: 10 }), actor: { staffId: 1, authorityFen: 100_000 } };
const manager = { ability: buildAbility(MANAGER, { id: 2, branchId: 10 }), actor: { staffId: 2, authorityFen: 5_000_000 } };
const compliance = { ability: buildAbility(COMPLIANCE, { id: 3, branchId: null }), actor: { staffId: 3, authorityFen: null } };

function complaint(fields: Partial<Complaint>): Complaint {
  return Object.assign(new Complaint(), { branchId: 10, state: S.registered, channel: ComplaintChannel.hotline, severity: ComplaintSeverity.general, majorByHand: false, approvalRequired: false }, fields);
}

describe('the workflow table', () => {
  it('gives every step a state it can be taken from, and no step out of a withdrawn or declined complaint but the reports', () => {
    for (const [action, step] of Object.entries(STEPS)) {
      expect(step.from.length).toBeGreaterThan(0);
      if (![A.report_head_office, A.report_regulator].includes(action as A)) {
        expect(step.from).not.toContain(S.withdrawn);
        expect(step.from).not.toContain(S.not_accepted);
      }
    }
  });

  it('checks permission first, then state, then what about the complaint rules the step out', () => {
    const closed = complaint({ state: S.closed });
    expect(refusalOf(A.assign, closed, agent.ability, agent.actor)).toEqual({ reason: 'NOT_ALLOWED' });
    expect(refusalOf(A.assign, closed, manager.ability, manager.actor)?.reason).toBe('COMPLAINT_WRONG_STATE');
    expect(refusalOf(A.report_head_office, complaint({}), manager.ability, manager.actor)?.reason).toBe('COMPLAINT_STEP_NOT_APPLICABLE');
    expect(refusalOf(A.accept, complaint({ branchId: 11 }), agent.ability, agent.actor)).toEqual({ reason: 'NOT_ALLOWED' });
  });

  it('offers the registered complaint its intake steps', () => {
    expect(availableActions(complaint({}), agent.ability, agent.actor)).toEqual([A.update, A.acknowledge, A.request_materials, A.accept, A.not_accept, A.withdraw, A.mark_major]);
    expect(availableActions(complaint({ firstResponseAt: new Date() }), agent.ability, agent.actor)).not.toContain(A.acknowledge);
  });

  it('keeps approval to someone else with enough authority', () => {
    const proposed = complaint({ state: S.resolution_proposed, approvalRequired: true, compensationFen: 6_000_000, proposedById: 1 });
    expect(refusalOf(A.approve_resolution, proposed, manager.ability, manager.actor)?.reason).toBe('COMPLAINT_ABOVE_AUTHORITY');
    expect(refusalOf(A.reject_resolution, proposed, manager.ability, manager.actor)).toBeNull();
    expect(refusalOf(A.approve_resolution, proposed, compliance.ability, compliance.actor)).toBeNull();
    const own = complaint({ state: S.resolution_proposed, approvalRequired: true, compensationFen: 6_000_000, proposedById: 3 });
    expect(refusalOf(A.approve_resolution, own, compliance.ability, compliance.actor)?.reason).toBe('COMPLAINT_OWN_PROPOSAL');
    expect(refusalOf(A.communicate_decision, proposed, agent.ability, agent.actor)?.reason).toBe('COMPLAINT_STEP_NOT_APPLICABLE');
    expect(refusalOf(A.communicate_decision, complaint({ state: S.resolution_proposed }), agent.ability, agent.actor)).toBeNull();
  });

  it('will not close a major or regulator-transferred complaint before its reports are made', () => {
    const major = complaint({ state: S.communicated, severity: ComplaintSeverity.major });
    expect(refusalOf(A.close, major, agent.ability, agent.actor)?.message).toMatch(/head office/);
    expect(refusalOf(A.close, complaint({ state: S.communicated, severity: ComplaintSeverity.major, headOfficeReportedAt: new Date() }), agent.ability, agent.actor)).toBeNull();
    const regulator = complaint({ state: S.communicated, channel: ComplaintChannel.regulator, severity: ComplaintSeverity.major, headOfficeReportedAt: new Date() });
    expect(refusalOf(A.close, regulator, agent.ability, agent.actor)?.message).toMatch(/regulator/);
  });
});
