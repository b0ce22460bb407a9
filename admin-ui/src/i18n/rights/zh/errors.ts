import type { errorsEn } from '../en/errors';

export const errorsZh: typeof errorsEn = {
  errors: {
    PASSWORD_CHANGE_REQUIRED: '请先设置新密码再继续。',
    MFA_CODE_REQUIRED: '请输入身份验证器中的动态验证码。',
    MFA_CODE_INVALID: '动态验证码错误或已使用过。',
    MFA_ALREADY_ENROLLED: '两步验证已开启；更换设备请联系管理员重置。',
    MFA_ENROLMENT_NOT_STARTED: '请重新开始设置：当前没有等待验证的设置。',
    MFA_NOT_ENROLLED: '该账号未开启两步验证。',
    OWN_ACCOUNT: '不能对自己的账号执行此操作，请由其他管理员办理。',
    STAFF_WRONG_STATUS: '账号当前状态下不能执行此操作。',
    SELF_GRANT: '不能给自己授权，请由其他管理员办理。',
    FOUR_EYES: '高风险授权须由第二名管理员审批：授权人和被授权人都不能审批。',
    GRANT_WRONG_STATUS: '授权当前状态下不能执行此操作。',
    DUTY_CONFLICT: '已拒绝：违反职责分离规则。',
    ROLE_BUILT_IN: '内置角色不能删除。',
    REVIEW_CLOSED: '该权限复核已结束。',
    REVIEW_ITEM_DECIDED: '该复核项已有结论。',
    OWN_REVIEW: '不能复核自己的权限。',
    INVALID_INPUT: '部分内容不符合要求。',
  },
};
