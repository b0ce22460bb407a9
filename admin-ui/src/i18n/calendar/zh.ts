import type { calendarEn } from './en';

/** 节假日日历的中文文案。 */
export const calendarZh: typeof calendarEn = {
  messages: {
    create_title: '新增日历日期',
    edit_title: '修改日历日期',
    section: '日期与类型',
    year: '年度',
    summary: '%{year} 年：法定节假日 %{holidays} 天，调休上班 %{workdays} 天',
    block_days: '%{name} %{from}–%{to}（%{count} 天）',
    block_day: '%{name} %{from}',
    weekday: '星期',
    kind_help: '调休上班日是为调休而安排上班的周六或周日',
    name_help: '例如：国庆节、春节调休上班',
    explanation: '投诉时限按工作日计算：周一至周五为工作日，下列法定节假日除外，调休上班日计入工作日。修改后对所有未办结投诉立即生效。',
    deleted: '已从日历中删除。',
  },
  enums: {
    CalendarDayKind: { holiday: '法定节假日', workday: '调休上班' },
  },
  resource: {
    name: '节假日日历',
    empty: '该年度暂无节假日或调休安排。',
    fields: { id: '序号', day: '日期', kind: '类型', name: '名称', year: '年度', q: '名称开头' },
  },
};
