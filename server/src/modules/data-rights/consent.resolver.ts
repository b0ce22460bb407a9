import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { Customer } from '../customers/customer.entity';
import * as customers from '../customers/customer.service';
import { consentsOf, recordConsent } from './consent.service';
import { CustomerConsent } from './customer-consent.entity';
import { CreateSharingAgreementArgs, RecordConsentArgs, SharingAgreementListArgs, SharingCoverageArgs, UpdateSharingAgreementArgs } from './data-rights.inputs';
import { SharingAgreement } from './sharing-agreement.entity';
import * as sharing from './sharing.service';

@Resolver(() => CustomerConsent)
export class CustomerConsentResolver {
  @Query(() => [CustomerConsent], { description: "A customer's consent history, latest first" })
  @Allow('read', 'CustomerConsent')
  async customerConsents(@Arg('customerId', () => ID) customerId: string, @Ctx() ctx: RequestContext) {
    return consentsOf(ctx, (await customers.get(ctx, customerId)).id);
  }

  @Mutation(() => CustomerConsent, { description: 'Records a marketing or third-party sharing consent given or withdrawn; the customer record shows the latest' })
  @Allow('create', 'CustomerConsent')
  recordCustomerConsent(@Args() args: RecordConsentArgs, @Ctx() ctx: RequestContext) {
    return recordConsent(ctx, args);
  }
}

@Resolver(() => SharingAgreement)
export class SharingAgreementResolver {
  @Query(() => [SharingAgreement])
  @Allow('read', 'SharingAgreement')
  allSharingAgreements(@Args() args: SharingAgreementListArgs, @Ctx() ctx: RequestContext) {
    return sharing.list(ctx, args);
  }

  @Query(() => ListMetadata)
  @Allow('read', 'SharingAgreement')
  async _allSharingAgreementsMeta(@Args() args: SharingAgreementListArgs, @Ctx() ctx: RequestContext) {
    return { count: await sharing.count(ctx, args) };
  }

  @Query(() => SharingAgreement, { name: 'SharingAgreement' })
  @Allow('read', 'SharingAgreement')
  sharingAgreement(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return sharing.get(ctx, id);
  }

  @Mutation(() => SharingAgreement)
  @Allow('create', 'SharingAgreement')
  createSharingAgreement(@Args() args: CreateSharingAgreementArgs, @Ctx() ctx: RequestContext) {
    return sharing.create(ctx, args);
  }

  @Mutation(() => SharingAgreement)
  @Allow('update', 'SharingAgreement')
  updateSharingAgreement(@Args() args: UpdateSharingAgreementArgs, @Ctx() ctx: RequestContext) {
    return sharing.update(ctx, args);
  }

  @Mutation(() => SharingAgreement, { description: 'Puts customers under the agreement; each must have consented to third-party sharing' })
  @Allow('update', 'SharingAgreement')
  addCustomersToSharingAgreement(@Args() args: SharingCoverageArgs, @Ctx() ctx: RequestContext) {
    return sharing.addCustomers(ctx, args);
  }

  @Mutation(() => SharingAgreement)
  @Allow('update', 'SharingAgreement')
  removeCustomersFromSharingAgreement(@Args() args: SharingCoverageArgs, @Ctx() ctx: RequestContext) {
    return sharing.removeCustomers(ctx, args);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'How many customers the agreement covers' })
  customerCount(@Root() agreement: SharingAgreement, @Ctx() ctx: RequestContext) {
    return sharing.customerCount(ctx, agreement.id);
  }

  @FieldResolver(() => [Customer], { nullable: true, description: 'The covered customers the caller may read' })
  customers(@Root() agreement: SharingAgreement, @Ctx() ctx: RequestContext) {
    return sharing.customersOf(ctx, agreement.id);
  }
}

/** The consents and sharing agreements on the customer record itself. */
@Resolver(() => Customer)
export class CustomerDataRightsResolver {
  @FieldResolver(() => [CustomerConsent], { nullable: true, description: 'Consent history, latest first' })
  consents(@Root() customer: Customer, @Ctx() ctx: RequestContext) {
    return consentsOf(ctx, customer.id);
  }

  @FieldResolver(() => [SharingAgreement], { nullable: true, description: 'Sharing agreements covering the customer' })
  sharingAgreements(@Root() customer: Customer, @Ctx() ctx: RequestContext) {
    if (!ctx.ability.can('read', 'SharingAgreement')) return [];
    return sharing.agreementsCovering(ctx, customer.id);
  }
}

