import type { coreEn } from '../en/core';

export const coreZh: typeof coreEn = {
  yes: '是',
  no: '否',
  copy: '复制',
  copied: '已复制',
  reason: '原因',
  reason_help: '必填，至少 2 个字；记入审计日志',
  reason_optional: '选填；记入审计日志',
  menu: {
    access: '权限管理',
    pending_grants: '待审批授权',
    who_can: '权限反查',
    my_reviews: '我的权限复核',
    violations: '职责冲突清单',
    audit: '审计日志',
    account_security: '两步验证',
    change_password: '修改密码',
  },
  login: {
    otp_required: '密码正确。请输入身份验证器中的 6 位动态验证码（或一个恢复码）。',
    otp_invalid: '动态验证码错误或已使用过。',
  },
};
