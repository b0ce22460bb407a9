import type { auditEn } from '../en/audit';

export const auditZh: typeof auditEn = {
  audit: {
    verifying: '正在校验审计链…',
    chain_ok: '审计链完整：已校验 %{checked} 条记录。',
    chain_broken: '审计链已被破坏（已校验 %{checked} 条记录）。',
    first_broken: '第一条异常记录：',
    verify_again: '重新校验',
    entry: '记录',
    before_after: '变更前后',
    masked_hint: '敏感信息在此处同样脱敏显示。',
    field: '字段',
    before: '变更前',
    after: '变更后',
    no_changes: '没有字段变更记录。',
  },
};
