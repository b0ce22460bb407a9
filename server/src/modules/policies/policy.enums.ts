import { registerEnumType } from 'type-graphql';

export enum PolicyLine {
  life = 'life',
  health = 'health',
  accident = 'accident',
  property = 'property',
  auto = 'auto',
}
export enum PolicyStatus {
  pending = 'pending',
  in_force = 'in_force',
  lapsed = 'lapsed',
  surrendered = 'surrendered',
  terminated = 'terminated',
  expired = 'expired',
}
export enum PaymentFrequency {
  single = 'single',
  annual = 'annual',
  semiannual = 'semiannual',
  quarterly = 'quarterly',
  monthly = 'monthly',
}
export enum PaymentStatus {
  paid_up = 'paid_up',
  current = 'current',
  due = 'due',
  overdue = 'overdue',
}
export enum SalesChannel {
  agency = 'agency',
  bancassurance = 'bancassurance',
  broker = 'broker',
  direct = 'direct',
  online = 'online',
  telemarketing = 'telemarketing',
}

registerEnumType(PolicyLine, { name: 'PolicyLine' });
registerEnumType(PolicyStatus, { name: 'PolicyStatus' });
registerEnumType(PaymentFrequency, { name: 'PaymentFrequency' });
registerEnumType(PaymentStatus, { name: 'PaymentStatus' });
registerEnumType(SalesChannel, { name: 'SalesChannel' });
