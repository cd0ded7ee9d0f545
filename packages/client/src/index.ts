/**
 * @daftar/client: a typed client for Daftar, and for Daftra itself, since it speaks Daftra's wire
 * format (`/api2/...`, `{"Invoice": {...}}` envelopes). No dependency beyond `fetch`.
 *
 *   const daftar = new Daftar({ baseUrl: 'http://localhost:8080', apiKey: 'dft_…' });
 *   const { id } = await daftar.invoices.create({ Invoice: { client_id: 1 }, InvoiceItem: [{ product_id: 1, quantity: 2 }] });
 *   const invoice = await daftar.invoices.get(id);             // the record, envelope removed
 *   for await (const row of daftar.invoices.list({ client_id: 1 })) console.log(row.no);
 *
 * Writes carry an `Idempotency-Key` (one per call, the same on each retry), so a retried create after
 * a lost reply or a 503 never writes twice. Errors are typed exceptions carrying Daftra's
 * `validation_errors`.
 */
import { RESOURCES, type Resources } from './generated.js';

export * from './generated.js';

export interface DaftarOptions {
  /** The server's root, e.g. `http://localhost:8080` or `https://yourcompany.daftra.com`. */
  baseUrl: string;
  /** An API key (sent as the `apikey` header). */
  apiKey?: string;
  /** A bearer token from the password grant, instead of a key. */
  accessToken?: string;
  /** How many times a request is retried after a network error, a 429 or a 5xx (default 2). */
  retries?: number;
  /** The first wait between tries in milliseconds, doubled each try, unless the server sends Retry-After (default 250). */
  retryDelayMs?: number;
  /** Longest wait for one reply (default 30 s). */
  timeoutMs?: number;
  /** Another fetch (a test double, a proxy agent). */
  fetch?: typeof fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

/** An error reply of the API, in Daftra's failed envelope. */
export class DaftarError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** Field → why, as the server names them (`InvoiceItem.0.quantity`). */
    readonly validationErrors: Record<string, string> = {},
    /** Daftar's error code when it sends one. */
    readonly code?: string,
    /** The parsed reply body. */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
export class DaftarValidationError extends DaftarError {}
export class DaftarAuthenticationError extends DaftarError {}
/** 403: the credential is good but may not make this call (owner-only calls, a staff role's limits). */
export class DaftarPermissionError extends DaftarAuthenticationError {}
export class DaftarNotFoundError extends DaftarError {}
export class DaftarConflictError extends DaftarError {}
export class DaftarRateLimitError extends DaftarError {}
export class DaftarServerError extends DaftarError {}
/** No reply: the network failed or the reply took longer than `timeoutMs`. */
export class DaftarConnectionError extends DaftarError {}

function errorFor(status: number, body: unknown): DaftarError {
  const failed = (body && typeof body === 'object' ? body : {}) as {
    message?: string;
    validation_errors?: Record<string, string>;
    error_code?: string;
  };
  const message = failed.message ?? `HTTP ${status}`;
  const args = [message, status, failed.validation_errors ?? {}, failed.error_code, body] as const;
  if (status === 400 || status === 422) return new DaftarValidationError(...args);
  if (status === 403) return new DaftarPermissionError(...args);
  if (status === 401) return new DaftarAuthenticationError(...args);
  if (status === 404) return new DaftarNotFoundError(...args);
  if (status === 409) return new DaftarConflictError(...args);
  if (status === 429) return new DaftarRateLimitError(...args);
  if (status >= 500) return new DaftarServerError(...args);
  return new DaftarError(...args);
}

export interface Pagination {
  page: number;
  page_count: number;
  total_results: number;
  prev: string | null;
  next: string | null;
}
export interface Page<T> {
  data: T[];
  pagination: Pagination;
}
export type Query = Record<string, string | number | boolean | Array<string | number> | undefined>;

/** An edit sends only the fields it changes. */
export type EditBody<B> = {
  [K in keyof B]?: B[K] extends Array<infer I> | undefined ? Array<Partial<I>> : Partial<B[K]>;
};

/** The calls of one resource; only the operations the resource has are typed. */
export interface ResourceClient<R, B, F> {
  /** One record, its envelope removed (children such as `InvoiceItem` included). */
  get(id: number | string): Promise<R>;
  /** Every record matching `filters`, page after page, as an async iterator. */
  list(
    filters?: F & {
      limit?: number;
      sort?: string;
      direction?: 'asc' | 'desc';
      keywords?: string;
      /** Daftra's `recursive`: -1 the records alone (no relations or derived figures such as a treasury's balance), 1 everything. */
      recursive?: -1 | 0 | 1;
    },
  ): AsyncIterable<R> & { page(page?: number): Promise<Page<R>> };
  create(body: B, options?: { idempotencyKey?: string }): Promise<{ id: string }>;
  update(id: number | string, body: EditBody<B>, options?: { idempotencyKey?: string }): Promise<void>;
  delete(id: number | string, options?: { idempotencyKey?: string }): Promise<void>;
}

export type Client = {
  [K in keyof Resources]: ResourceClient<Resources[K]['record'], Resources[K]['body'], Resources[K]['filters']>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function newKey(): string {
  const random = globalThis.crypto?.randomUUID?.();
  return random ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function queryString(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) params.append(`${key}[]`, String(item));
    else params.append(key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export class DaftarClientBase {
  private readonly options: Required<Pick<DaftarOptions, 'retries' | 'retryDelayMs' | 'timeoutMs'>> & DaftarOptions;

  constructor(options: DaftarOptions) {
    if (!options.baseUrl) throw new TypeError('baseUrl is required');
    this.options = {
      retries: 2,
      retryDelayMs: 250,
      timeoutMs: 30_000,
      ...options,
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
    };
  }

  /**
   * One call of the API, with retries: network errors, 429 and 5xx are tried again (after Retry-After
   * when the server sends it). A write is retried only with its idempotency key, so it is never doubled.
   */
  async request<T = unknown>(
    method: string,
    path: string,
    options: { query?: Query; body?: unknown; idempotencyKey?: string } = {},
  ): Promise<T> {
    const write = method !== 'GET' && method !== 'HEAD';
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers };
    if (this.options.apiKey) headers['apikey'] = this.options.apiKey;
    if (this.options.accessToken) headers['authorization'] = `Bearer ${this.options.accessToken}`;
    if (write) headers['idempotency-key'] = options.idempotencyKey ?? newKey();
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const url = `${this.options.baseUrl}${path}${queryString(options.query)}`;
    const doFetch = this.options.fetch ?? globalThis.fetch;
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        response = await doFetch(url, {
          method,
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
      } catch (error) {
        if (attempt < this.options.retries) {
          await sleep(this.options.retryDelayMs * 2 ** attempt);
          continue;
        }
        throw new DaftarConnectionError(
          `no reply from ${url}: ${error instanceof Error ? error.message : String(error)}`,
          0,
        );
      }
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON */
      }
      if (response.ok) return body as T;
      const retryable = response.status === 429 || response.status >= 500;
      if (retryable && attempt < this.options.retries) {
        const after = Number(response.headers.get('retry-after'));
        await sleep(
          Number.isFinite(after) && after > 0 ? Math.min(after, 60) * 1000 : this.options.retryDelayMs * 2 ** attempt,
        );
        continue;
      }
      throw errorFor(response.status, body);
    }
  }

  /** The calls of one resource by its path under /api2 (for resources this client version does not list). */
  resource<R = Record<string, unknown>, B = Record<string, unknown>, F = Query>(
    path: string,
    model: string,
  ): ResourceClient<R, B, F> {
    const collection = `/api2/${path}.json`;
    const one = (id: number | string) => `/api2/${path}/${encodeURIComponent(String(id))}.json`;
    const unwrap = (row: Record<string, unknown>): R => {
      const { [model]: record, ...children } = row as Record<string, Record<string, unknown>>;
      return { ...(record ?? {}), ...children } as R;
    };
    const page = async (filters: Query, number: number): Promise<Page<R>> => {
      const reply = await this.request<{ data: Array<Record<string, unknown>>; pagination: Pagination }>(
        'GET',
        collection,
        { query: { ...filters, page: number } },
      );
      return { data: reply.data.map(unwrap), pagination: reply.pagination };
    };
    return {
      get: async (id) => unwrap((await this.request<{ data: Record<string, unknown> }>('GET', one(id))).data),
      list: (filters = {} as never) => {
        const query = filters as Query;
        return {
          page: (number = 1) => page(query, number),
          async *[Symbol.asyncIterator]() {
            for (let number = 1; ; number += 1) {
              const current = await page(query, number);
              yield* current.data;
              if (number >= current.pagination.page_count || current.data.length === 0) return;
            }
          },
        };
      },
      create: async (body, options = {}) => {
        const reply = await this.request<{ id: string | number }>('POST', collection, {
          body,
          idempotencyKey: options.idempotencyKey,
        });
        return { id: String(reply.id) };
      },
      update: async (id, body, options = {}) => {
        await this.request('PUT', one(id), { body, idempotencyKey: options.idempotencyKey });
      },
      delete: async (id, options = {}) => {
        await this.request('DELETE', one(id), { idempotencyKey: options.idempotencyKey });
      },
    };
  }

  /** The calling site: `GET /api2/site_info.json`. */
  async siteInfo(): Promise<Record<string, unknown>> {
    const reply = await this.request<{ data: { Site: Record<string, unknown> } }>('GET', '/api2/site_info.json');
    return reply.data.Site;
  }

  /** A report (`trial_balance`, `profit_and_loss`, ...) as JSON. */
  async report(name: string, query: Query = {}): Promise<Record<string, unknown>> {
    const reply = await this.request<{ data: { Report: Record<string, unknown> } }>(
      'GET',
      `/api2/reports/${name}.json`,
      { query },
    );
    return reply.data.Report;
  }
}

/** The client: `daftar.invoices`, `daftar.clients`, ... for every resource, plus `request` for anything else. */
export type Daftar = DaftarClientBase & Client;

export const Daftar = function Daftar(this: unknown, options: DaftarOptions): Daftar {
  const client = new DaftarClientBase(options) as Daftar;
  for (const [name, entry] of Object.entries(RESOURCES) as Array<[keyof Resources, { path: string; model: string }]>) {
    (client as unknown as Record<string, unknown>)[name] = client.resource(entry.path, entry.model);
  }
  return client;
} as unknown as { new (options: DaftarOptions): Daftar };
