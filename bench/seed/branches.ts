import type { EntityManager } from 'typeorm';
import { now } from '../../server/src/clock';
import { Branch } from '../../server/src/modules/branches/branch.entity';
import { DEMO_BRANCHES, type DemoBranch } from '../../server/src/seed/demo-generator';
import { ensureBuiltInRoles } from '../../server/src/seed/roles';
import { createStaffWithRoles } from '../../server/src/seed/staff-accounts';
import { Staff } from '../../server/src/modules/staff/staff.entity';

/**
 * A national network: the demo's four branches plus the other provincial branches and the big
 * separately-planned cities (计划单列市), each with real district codes so ID numbers and addresses
 * look like the place.
 */
const MORE_BRANCHES: DemoBranch[] = [
  ['TJ', '天津分公司', '天津市', '120101 120102 120103 120104 120105'],
  ['HE', '河北分公司', '河北省', '130102 130104 130105 130108 130109'],
  ['SX', '山西分公司', '山西省', '140105 140106 140107 140108 140109'],
  ['NM', '内蒙古分公司', '内蒙古自治区', '150102 150103 150104 150105'],
  ['LN', '辽宁分公司', '辽宁省', '210102 210103 210104 210105 210106'],
  ['JL', '吉林分公司', '吉林省', '220102 220103 220104 220105'],
  ['HL', '黑龙江分公司', '黑龙江省', '230102 230103 230104 230108'],
  ['JS', '江苏分公司', '江苏省', '320102 320104 320105 320106 320111'],
  ['ZJ', '浙江分公司', '浙江省', '330102 330105 330106 330108 330109'],
  ['AH', '安徽分公司', '安徽省', '340102 340103 340104 340111'],
  ['FJ', '福建分公司', '福建省', '350102 350103 350104 350105'],
  ['JX', '江西分公司', '江西省', '360102 360103 360104 360111'],
  ['SD', '山东分公司', '山东省', '370102 370103 370104 370105 370112'],
  ['HA', '河南分公司', '河南省', '410102 410103 410104 410105'],
  ['HB', '湖北分公司', '湖北省', '420102 420103 420104 420106 420111'],
  ['HN', '湖南分公司', '湖南省', '430102 430103 430104 430105'],
  ['GX', '广西分公司', '广西壮族自治区', '450102 450103 450105 450107'],
  ['HI', '海南分公司', '海南省', '460105 460106 460107 460108'],
  ['CQ', '重庆分公司', '重庆市', '500101 500103 500104 500105 500106'],
  ['GZ', '贵州分公司', '贵州省', '520102 520103 520111 520112'],
  ['YN', '云南分公司', '云南省', '530102 530103 530111 530112'],
  ['XZ', '西藏分公司', '西藏自治区', '540102 540103'],
  ['SN', '陕西分公司', '陕西省', '610102 610103 610104 610111'],
  ['GS', '甘肃分公司', '甘肃省', '620102 620103 620104 620105'],
  ['QH', '青海分公司', '青海省', '630102 630103 630104 630105'],
  ['NX', '宁夏分公司', '宁夏回族自治区', '640104 640105 640106'],
  ['XJ', '新疆分公司', '新疆维吾尔自治区', '650102 650103 650104 650105'],
  ['SZ', '深圳分公司', '广东省', '440303 440304 440305 440306'],
  ['DL', '大连分公司', '辽宁省', '210202 210203 210204 210211'],
  ['QD', '青岛分公司', '山东省', '370202 370203 370211 370212'],
  ['NB', '宁波分公司', '浙江省', '330203 330205 330206 330212'],
  ['XM', '厦门分公司', '福建省', '350203 350205 350206 350211'],
].map(([code, name, region, areas]) => ({ code, name, region, areaCodes: areas.split(' ') }));

export const BENCH_BRANCHES: DemoBranch[] = [...DEMO_BRANCHES, ...MORE_BRANCHES];

export interface SeededBranch {
  id: number;
  demo: DemoBranch;
  /** Staff ids who register and handle the branch's complaints. */
  handlers: number[];
}

/** The branches (the demo's already exist) and two agents in each, sharing one password hash. */
export async function seedBranches(em: EntityManager, passwordHash: string): Promise<SeededBranch[]> {
  const repo = em.getRepository(Branch);
  const hq = await repo.findOneByOrFail({ code: 'HQ' });
  const roles = await ensureBuiltInRoles(em);
  const out: SeededBranch[] = [];
  for (const demo of BENCH_BRANCHES) {
    const branch = (await repo.findOneBy({ code: demo.code })) ?? (await repo.save(repo.create({ code: demo.code, name: demo.name, region: demo.region, parentId: hq.id, createdAt: now() })));
    const handlers: number[] = [];
    for (const n of [1, 2]) {
      const staff = await createStaffWithRoles(em, { username: `agent.${demo.code.toLowerCase()}${n}`, displayName: `${demo.code}坐席${n}`, branchId: branch.id, passwordHash, roles: [roles.get('agent')!], reason: 'benchmark data' });
      handlers.push(staff.id);
    }
    const manager = await em.getRepository(Staff).findOneBy({ username: 'manager', branchId: branch.id });
    if (manager) handlers.push(manager.id);
    out.push({ id: branch.id, demo, handlers });
  }
  return out;
}
