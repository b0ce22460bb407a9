import { Foundation1763800000000 } from './1763800000000-Foundation';
import { Complaints1763900000000 } from './1763900000000-Complaints';
import { AccessRights1764000000000 } from './1764000000000-AccessRights';
import { InquiryAndDataRights1764100000000 } from './1764100000000-InquiryAndDataRights';

/** Listed explicitly (not globbed) so the same list runs from sources under test and from the build. */
export const MIGRATIONS = [Foundation1763800000000, Complaints1763900000000, AccessRights1764000000000, InquiryAndDataRights1764100000000];
