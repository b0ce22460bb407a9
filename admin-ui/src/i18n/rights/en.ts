import { coreEn } from './en/core';
import { errorsEn } from './en/errors';
import { staffEn } from './en/staff';
import { rolesEn } from './en/roles';
import { grantsEn } from './en/grants';
import { reviewsEn } from './en/reviews';
import { auditEn } from './en/audit';
import { accountEn } from './en/account';
import { problemsEn } from './en/problems';
import { resourcesEn } from './en/resources';

/**
 * Staff access rights and the audit trail (issue 6): accounts, roles, grants, reviews, duty conflicts,
 * audit viewer. One file per screen group under en/ (and zh/, typed against these).
 */
export const rightsEn = {
  messages: { ...coreEn, ...errorsEn, ...staffEn, ...rolesEn, ...grantsEn, ...reviewsEn, ...auditEn, ...accountEn },
  enums: resourcesEn.enums,
  resources: resourcesEn.resources,
  /** Shown as app.server.details.<code>: the particulars of a refusal. */
  problems: problemsEn,
};
