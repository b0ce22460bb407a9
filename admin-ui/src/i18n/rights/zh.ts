import type { rightsEn } from './en';
import { coreZh } from './zh/core';
import { errorsZh } from './zh/errors';
import { staffZh } from './zh/staff';
import { rolesZh } from './zh/roles';
import { grantsZh } from './zh/grants';
import { reviewsZh } from './zh/reviews';
import { auditZh } from './zh/audit';
import { accountZh } from './zh/account';
import { problemsZh } from './zh/problems';
import { resourcesZh } from './zh/resources';

/** 权限管理与审计日志的中文文案；each part typed against the English one so no key can be missed. */
export const rightsZh: typeof rightsEn = {
  messages: { ...coreZh, ...errorsZh, ...staffZh, ...rolesZh, ...grantsZh, ...reviewsZh, ...auditZh, ...accountZh },
  enums: resourcesZh.enums,
  resources: resourcesZh.resources,
  /** Shown as app.server.details.<code>: the particulars of a refusal. */
  problems: problemsZh,
};
