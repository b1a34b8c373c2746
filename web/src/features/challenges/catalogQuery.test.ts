import { describe, expect, it } from 'vitest';
import { catalogParams, pageCount, parseCatalogParams } from './catalogQuery';

describe('catalog URL state', () => {
  it('reads known filters and ignores values the API would reject', () => {
    const query = parseCatalogParams(new URLSearchParams('stack=data&level=wizard&q=%20cpf%20&page=-3&sort=xp'));
    expect(query).toEqual({ stack: 'data', level: '', technology: '', q: 'cpf', sort: 'xp', page: 1 });
  });

  it('writes only what differs from the defaults', () => {
    const params = catalogParams({ stack: 'backend', level: '', technology: 'sql', q: '', sort: 'newest', page: 1 });
    expect(params.toString()).toBe('stack=backend&technology=sql');
    expect(catalogParams({ stack: '', level: '', technology: '', q: '', sort: 'title', page: 3 }).toString()).toBe('sort=title&page=3');
  });

  it('round-trips', () => {
    const original = { stack: 'iot', level: 'senior', technology: 'mqtt', q: 'sensor', sort: 'popular', page: 2 };
    expect(parseCatalogParams(catalogParams(original))).toEqual(original);
  });

  it('counts pages', () => {
    expect(pageCount(0, 12)).toBe(1);
    expect(pageCount(12, 12)).toBe(1);
    expect(pageCount(13, 12)).toBe(2);
  });
});
