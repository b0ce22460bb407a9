import { now } from '../../clock';
import { sqlTime } from '../../db/columns';
import { filterBy, SortOrder, type FilterHandler, type ListSpec } from '../../graphql/list';
import { likePrefix } from '../customers/customer.list';
import type { QualityInspection } from './quality-inspection.entity';
import type { QualityRectification } from './quality-rectification.entity';
import type { QualityTeam } from './quality-team.entity';
import type { QualityTemplate } from './quality-template.entity';
import { RECTIFICATION_OPEN_STATES } from './quality.enums';

/** A yes/no filter: `true` narrows to the rows, `false` to the others. */
function flag<T extends object>(field: string, yes: (p: string) => string, no: (p: string) => string, params: (p: string) => Record<string, unknown>): FilterHandler<T & { id: number }> {
  return { field, apply: (qb, value, p) => void qb.andWhere(value ? yes(p) : no(p), params(p)) };
}

const timestamps = (a: string) => ({ id: `${a}.id`, createdAt: `${a}.createdAt`, updatedAt: `${a}.updatedAt` });

export const teamListSpec: ListSpec<QualityTeam> = {
  subject: 'QualityTeam',
  alias: 't',
  sortable: { ...timestamps('t'), name: 't.name', branchId: 't.branchId' },
  defaultSort: { field: 'name', order: SortOrder.ASC },
  filters: {
    q: { field: 'name', apply: (qb, v, p) => void qb.andWhere(`t.name LIKE :${p}`, { [p]: likePrefix(String(v)) }) },
    ids: filterBy.ids('t'),
    branchId: filterBy.equals('t', 'branchId'),
    active: filterBy.equals('t', 'active'),
  },
};

export const templateListSpec: ListSpec<QualityTemplate> = {
  subject: 'QualityTemplate',
  alias: 'tp',
  sortable: { ...timestamps('tp'), code: 'tp.code', name: 'tp.name', revision: 'tp.revision' },
  defaultSort: { field: 'code', order: SortOrder.ASC },
  filters: {
    q: { field: 'name', apply: (qb, v, p) => void qb.andWhere(`(tp.code LIKE :${p} OR tp.name LIKE :${p})`, { [p]: likePrefix(String(v)) }) },
    ids: filterBy.ids('tp'),
    code: filterBy.equals('tp', 'code'),
    current: filterBy.equals('tp', 'current'),
    active: filterBy.equals('tp', 'active'),
  },
};

export function inspectionListSpec(staffId: number): ListSpec<QualityInspection> {
  return {
    subject: 'QualityInspection',
    alias: 'i',
    sortable: { ...timestamps('i'), title: 'i.title', kind: 'i.kind', state: 'i.state', period: 'i.period', totalScore: 'i.totalScore', branchId: 'i.branchId', submittedAt: 'i.submittedAt', publishedAt: 'i.publishedAt' },
    defaultSort: { field: 'createdAt', order: SortOrder.DESC },
    filters: {
      q: { field: 'title', apply: (qb, v, p) => void qb.andWhere(`i.title LIKE :${p}`, { [p]: likePrefix(String(v)) }) },
      ids: filterBy.ids('i'),
      kind: filterBy.equals('i', 'kind'),
      state: filterBy.equals('i', 'state'),
      branchId: filterBy.equals('i', 'branchId'),
      teamId: filterBy.equals('i', 'teamId'),
      period: filterBy.equals('i', 'period'),
      inspectorId: filterBy.equals('i', 'inspectorId'),
      complaintId: filterBy.equals('i', 'complaintId'),
      templateId: filterBy.equals('i', 'templateId'),
      mine: flag<QualityInspection>('inspectorId', (p) => `i.inspectorId = :${p}`, (p) => `i.inspectorId <> :${p}`, (p) => ({ [p]: staffId })),
    },
  };
}

export function rectificationListSpec(staffId: number): ListSpec<QualityRectification> {
  const open = (p: string) => ({ [`${p}_s`]: RECTIFICATION_OPEN_STATES, [`${p}_t`]: sqlTime(now()) });
  return {
    subject: 'QualityRectification',
    alias: 'r',
    sortable: { ...timestamps('r'), dueDate: 'r.dueDate', dueAt: 'r.dueAt', state: 'r.state', ownerId: 'r.ownerId', branchId: 'r.branchId' },
    defaultSort: { field: 'dueAt', order: SortOrder.ASC },
    filters: {
      ids: filterBy.ids('r'),
      ownerId: filterBy.equals('r', 'ownerId'),
      mine: flag<QualityRectification>('ownerId', (p) => `r.ownerId = :${p}`, (p) => `r.ownerId <> :${p}`, (p) => ({ [p]: staffId })),
      branchId: filterBy.equals('r', 'branchId'),
      state: filterBy.equals('r', 'state'),
      states: {
        field: 'state',
        apply: (qb, value, p) => {
          const states = value as string[];
          qb.andWhere(states.length ? `r.state IN (:...${p})` : '1 = 0', { [p]: states });
        },
      },
      overdue: flag<QualityRectification>(
        'dueAt',
        (p) => `(r.state IN (:...${p}_s) AND r.dueAt < :${p}_t)`,
        (p) => `NOT (r.state IN (:...${p}_s) AND r.dueAt < :${p}_t)`,
        open,
      ),
      inspectionId: filterBy.equals('r', 'inspectionId'),
      dueDate_gte: filterBy.range('r', 'dueDate', '>='),
      dueDate_lte: filterBy.range('r', 'dueDate', '<='),
    },
  };
}
