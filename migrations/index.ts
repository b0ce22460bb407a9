import { Foundation1763800000000 } from './1763800000000-Foundation';
import { Complaints1763900000000 } from './1763900000000-Complaints';
import { AccessRights1764000000000 } from './1764000000000-AccessRights';
import { InquiryAndDataRights1764100000000 } from './1764100000000-InquiryAndDataRights';
import { Quality1764200000000 } from './1764200000000-Quality';
import { Reports1764300000000 } from './1764300000000-Reports';
import { PerformanceIndexes1764400000000 } from './1764400000000-PerformanceIndexes';
import { Dashboard1764500000000 } from './1764500000000-Dashboard';
import { KeyedAuditChain1764600000000 } from './1764600000000-KeyedAuditChain';
import { ComplaintOutcomes1764700000000 } from './1764700000000-ComplaintOutcomes';
import { AccessVersion1764800000000 } from './1764800000000-AccessVersion';
import { CustomerBranchNameOrder1764900000000 } from './1764900000000-CustomerBranchNameOrder';

/** Listed explicitly (not globbed) so the same list runs from sources under test and from the build. */
export const MIGRATIONS = [Foundation1763800000000, Complaints1763900000000, AccessRights1764000000000, InquiryAndDataRights1764100000000, Quality1764200000000, Reports1764300000000, PerformanceIndexes1764400000000, Dashboard1764500000000, KeyedAuditChain1764600000000, ComplaintOutcomes1764700000000, AccessVersion1764800000000, CustomerBranchNameOrder1764900000000];
