/**
 * Laravel's LengthAwarePaginator as Daftra's v2 API renders it: `current_page`, `data`, page URLs
 * (absolute, as Laravel makes them), `from`/`to` (1-based positions of the page's first and last
 * rows, null on an empty page), `links` (previous, a window of page numbers, next) and the totals.
 * Page URLs keep the request's other query parameters, so following `next_page_url` keeps the filters.
 */

export interface PageLink {
  url: string | null;
  label: string;
  page: number | null;
  active: boolean;
}

export interface Paginator {
  current_page: number;
  data: unknown[];
  first_page_url: string;
  from: number | null;
  last_page: number;
  last_page_url: string;
  links: PageLink[];
  next_page_url: string | null;
  path: string;
  per_page: number;
  prev_page_url: string | null;
  to: number | null;
  total: number;
}

/** Laravel's default: three pages on each side of the current one before the window is cut with "...". */
const ON_EACH_SIDE = 3;

function range(from: number, to: number): number[] {
  const pages: number[] = [];
  for (let page = Math.max(1, from); page <= to; page += 1) pages.push(page);
  return pages;
}

/** The page numbers shown in `links`, with null where Laravel puts "...". */
export function pageWindow(current: number, last: number): Array<number | null> {
  if (last < ON_EACH_SIDE * 2 + 8) return range(1, last);
  const window = ON_EACH_SIDE + 4;
  const start = [1, 2];
  const finish = [last - 1, last];
  if (current <= window) return [...range(1, window + ON_EACH_SIDE), null, ...finish];
  if (current > last - window) return [...start, null, ...range(last - (window + (ON_EACH_SIDE - 1)), last)];
  return [...start, null, ...range(current - ON_EACH_SIDE, current + ON_EACH_SIDE), null, ...finish];
}

export interface PageRequest {
  /** Absolute URL of the list without its query: `https://host/v2/api/entity/client/list/1`. */
  path: string;
  /** The request's query parameters; `page` is replaced in each link. */
  query: URLSearchParams;
  page: number;
  perPage: number;
  total: number;
}

export function paginate(request: PageRequest, data: unknown[]): Paginator {
  const last = Math.max(1, Math.ceil(request.total / request.perPage));
  const url = (page: number) => {
    const params = new URLSearchParams(request.query);
    params.delete('page');
    params.append('page', String(page));
    return `${request.path}?${params.toString()}`;
  };
  const current = request.page;
  const offset = (current - 1) * request.perPage;
  const links: PageLink[] = [
    {
      url: current > 1 ? url(current - 1) : null,
      label: 'pagination.previous',
      page: current > 1 ? current - 1 : null,
      active: false,
    },
  ];
  for (const page of pageWindow(current, last)) {
    links.push(
      page === null
        ? { url: null, label: '...', page: null, active: false }
        : { url: url(page), label: String(page), page, active: page === current },
    );
  }
  links.push({
    url: current < last ? url(current + 1) : null,
    label: 'pagination.next',
    page: current < last ? current + 1 : null,
    active: false,
  });
  return {
    current_page: current,
    data,
    first_page_url: url(1),
    from: data.length > 0 ? offset + 1 : null,
    last_page: last,
    last_page_url: url(last),
    links,
    next_page_url: current < last ? url(current + 1) : null,
    path: request.path,
    per_page: request.perPage,
    prev_page_url: current > 1 ? url(current - 1) : null,
    to: data.length > 0 ? offset + data.length : null,
    total: request.total,
  };
}
