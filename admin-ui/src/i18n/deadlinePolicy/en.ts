/** The deadline policy screen, in English (app.deadline_policy, app.enums.RegulatoryDayKind). */
export const deadlinePolicyEn = {
  messages: {
    title: 'Complaint deadline policy',
    menu: 'Deadline policy',
    explanation: "One record for the whole company. A change applies to every open complaint's clocks at once and is written to the audit log.",
    saved: 'Deadline policy saved.',
    read_only: 'Your role may read the policy but not change it.',
    sections: {
      deadlines: 'Deadlines',
      major: 'Major complaints',
      escalation: 'Escalation',
      authority: 'Approval authority for compensation',
    },
    fields: {
      firstResponseHours: 'First response (hours)',
      materialsNoticeWorkingDays: 'Missing materials notice (working days)',
      resolutionTargetWorkingDays: 'Resolution, company target (working days)',
      regulatoryResolutionDays: 'Resolution, regulatory limit (days)',
      regulatoryExtendedDays: 'Regulatory limit once extended (days)',
      regulatoryDayKind: 'Regulatory limit counts',
      headOfficeReportHours: 'Head-office report of a major complaint (hours)',
      warnAtPercent: 'Warn the handler at (% of the clock)',
      majorAmountFen: 'Major above this amount in dispute',
      majorDeathCount: 'Major from this many deaths',
      breachEscalationRole: 'Told when a clock is breached (role)',
      complianceEscalationRole: 'Told when a major complaint stays breached (role)',
      complianceAfterWorkingDays: '… after this many working days breached',
      approvalLimits: 'Authorities',
      role: 'Role',
      limitFen: 'Up to (blank: no limit)',
    },
  },
  enums: {
    RegulatoryDayKind: { calendar: 'Calendar days', working: 'Working days' },
  },
};
