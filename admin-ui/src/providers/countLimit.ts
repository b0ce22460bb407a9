/**
 * Lists count their rows up to this many (the API's `countUpTo`): beyond it the page says "more than
 * 10,000" and offers next/previous instead of page numbers. An exact count of a broad filter over a
 * million policies reads every match — the slowest part of the page — to print a number nobody pages to.
 */
export const COUNT_LIMIT = 10_000;

/** The limit for one page: high enough to know whether a row follows the page, even past COUNT_LIMIT. */
export const countLimitFor = (page: number, perPage: number) => Math.max(COUNT_LIMIT, page * perPage);

export const COUNT_LIMIT_TEXT = { zh: COUNT_LIMIT.toLocaleString('zh-CN'), en: COUNT_LIMIT.toLocaleString('en-US') };
