import type { Customer } from '../customers/customer.entity';
import type { Policy } from '../policies/policy.entity';
import type { ExportColumn } from './export.service';

const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? null : (fen / 100).toFixed(2));

export const CUSTOMER_COLUMNS: ExportColumn<Customer>[] = [
  { field: 'id', zh: '客户编号', en: 'ID' },
  { field: 'name', zh: '姓名/名称', en: 'Name' },
  { field: 'kind', zh: '客户类型', en: 'Kind' },
  { field: 'gender', zh: '性别', en: 'Gender' },
  { field: 'birthDate', zh: '出生日期', en: 'Birth date' },
  { field: 'idType', zh: '证件类型', en: 'ID type' },
  { field: 'idNumber', zh: '证件号码', en: 'ID number' },
  { field: 'phone', zh: '联系电话', en: 'Phone' },
  { field: 'email', zh: '电子邮箱', en: 'E-mail' },
  { field: 'address', zh: '联系地址', en: 'Address' },
  { field: 'occupation', zh: '职业', en: 'Occupation' },
  { field: 'branchId', zh: '所属机构', en: 'Branch' },
  { field: 'source', zh: '信息来源', en: 'Source' },
  { field: 'marketingConsent', zh: '营销授权', en: 'Marketing consent' },
  { field: 'sharingConsent', zh: '共享授权', en: 'Sharing consent' },
  { field: 'status', zh: '状态', en: 'Status' },
  { field: 'createdAt', zh: '创建时间(UTC)', en: 'Created (UTC)' },
];

export const POLICY_COLUMNS: ExportColumn<Policy>[] = [
  { field: 'policyNumber', zh: '保单号', en: 'Policy number' },
  { field: 'productCode', zh: '产品代码', en: 'Product code' },
  { field: 'productName', zh: '产品名称', en: 'Product' },
  { field: 'line', zh: '险类', en: 'Line' },
  { field: 'holderId', zh: '投保人编号', en: 'Holder ID' },
  { field: 'insuredId', zh: '被保险人编号', en: 'Insured ID' },
  { field: 'sumInsuredFen', zh: '保额(元)', en: 'Sum insured (CNY)', value: (p) => yuan(p.sumInsuredFen) },
  { field: 'premiumFen', zh: '保费(元)', en: 'Premium (CNY)', value: (p) => yuan(p.premiumFen) },
  { field: 'paymentFrequency', zh: '缴费频率', en: 'Payment frequency' },
  { field: 'paymentStatus', zh: '缴费状态', en: 'Payment status' },
  { field: 'nextPremiumDueDate', zh: '下次缴费日', en: 'Next premium due' },
  { field: 'effectiveDate', zh: '生效日', en: 'Effective' },
  { field: 'expiryDate', zh: '满期日', en: 'Expiry' },
  { field: 'status', zh: '保单状态', en: 'Status' },
  { field: 'salesChannel', zh: '销售渠道', en: 'Sales channel' },
  { field: 'branchId', zh: '所属机构', en: 'Branch' },
];
