import { registerEnumType } from 'type-graphql';
import type { AppAbility } from '../../access/ability';
import type { QualityInspection } from './quality-inspection.entity';
import type { QualityRectification } from './quality-rectification.entity';
import { RectificationState } from './quality.enums';
import { inspectionStepAllowed, rectificationStepAllowed } from './quality.rules';

/** What the caller may do next with an inspection: the console shows these buttons; the server checks again. */
export enum QualityInspectionAction {
  /** Change the draft: title, conclusion, sample, scores, findings, visits. */
  edit = 'edit',
  submit = 'submit',
  review = 'review',
  return = 'return',
  publish = 'publish',
  correct = 'correct',
}

export enum QualityRectificationAction {
  update = 'update',
  start = 'start',
  complete = 'complete',
  verify = 'verify',
  reopen = 'reopen',
}

registerEnumType(QualityInspectionAction, { name: 'QualityInspectionAction' });
registerEnumType(QualityRectificationAction, { name: 'QualityRectificationAction' });

export function inspectionActions(i: QualityInspection, ability: AppAbility, staffId: number): QualityInspectionAction[] {
  const A = QualityInspectionAction;
  const actions: QualityInspectionAction[] = [];
  const own = i.inspectorId === staffId;
  if (own && ability.can('update', i) && inspectionStepAllowed('edit', i.state)) actions.push(A.edit, A.submit);
  if (!own && ability.can('review', i)) {
    if (inspectionStepAllowed('review', i.state)) actions.push(A.review);
    if (inspectionStepAllowed('return', i.state)) actions.push(A.return);
  }
  if (ability.can('publish', i) && inspectionStepAllowed('publish', i.state)) actions.push(A.publish);
  if (ability.can('create', 'QualityInspection') && inspectionStepAllowed('correct', i.state)) actions.push(A.correct);
  return actions;
}

export function rectificationActions(r: QualityRectification, ability: AppAbility, staffId: number): QualityRectificationAction[] {
  const A = QualityRectificationAction;
  const actions: QualityRectificationAction[] = [];
  const owner = r.ownerId === staffId;
  if (rectificationStepAllowed('edit', r.state) && ['ownerId', 'requiredAction', 'dueDate'].some((f) => ability.can('update', r, f))) actions.push(A.update);
  if (owner && ability.can('update', r)) {
    if (rectificationStepAllowed('start', r.state)) actions.push(A.start);
    if (rectificationStepAllowed('complete', r.state)) actions.push(A.complete);
  }
  if (!owner && ability.can('review', r) && r.state === RectificationState.done) actions.push(A.verify, A.reopen);
  return actions;
}
