import { authorize, type Session } from '../dashboard/auth';

export type SearchResult = {
  documentId: number;
  chunkId: number;
  title: string;
  url?: string | null;
  snippet: string;
  score: number;
  vectorScore: number;
  textScore: number;
  category?: string | null;
};

export type Category = { name: string; documents: number };

export type DocumentSummary = {
  id: number;
  source: string;
  title: string;
  url?: string | null;
  category?: string | null;
  chunkCount: number;
  updatedAt: string;
};

export type DocumentPage = { items: DocumentSummary[]; next: number | null };

export type UploadedFile = {
  name: string;
  documents?: { id?: number | null; source: string; title?: string | null; outcome: string; chunks?: number | null }[] | null;
  problem?: { title?: string; detail?: string } | null;
};

export type UploadResult = { files: UploadedFile[]; created: number; updated: number; unchanged: number; deleted: number; failed: number };

/** A non-2xx answer, with the problem's detail when the host sent one. */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(session: Session, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, authorize(session, { ...init, headers: { Accept: 'application/json', ...(init.headers ?? {}) } }));
  if (!response.ok) {
    const problem = (await response.json().catch(() => undefined)) as { detail?: string; title?: string } | undefined;
    throw new AdminApiError(response.status, problem?.detail ?? problem?.title ?? `${path}: HTTP ${response.status}`);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export function searchPath(query: string, k: number, category?: string): string {
  return `/api/kb/search?${new URLSearchParams({ q: query, k: String(k), ...(category ? { category } : {}) }).toString()}`;
}

export async function search(session: Session, query: string, category?: string, k = 10): Promise<SearchResult[]> {
  return (await call<{ results: SearchResult[] }>(session, searchPath(query, k, category))).results;
}

export async function listCategories(session: Session): Promise<Category[]> {
  return (await call<{ categories: Category[] }>(session, '/api/kb/categories')).categories;
}

export function listDocuments(session: Session, after?: number): Promise<DocumentPage> {
  const query = new URLSearchParams({ limit: '50', ...(after === undefined ? {} : { after: String(after) }) });
  return call<DocumentPage>(session, `/api/kb/documents?${query.toString()}`);
}

export function deleteDocument(session: Session, id: number): Promise<void> {
  return call<void>(session, `/api/kb/documents/${id}`, { method: 'DELETE' });
}

export function upload(session: Session, files: FileList): Promise<UploadResult> {
  const form = new FormData();
  for (const file of Array.from(files)) form.append('files', file, file.name);
  return call<UploadResult>(session, '/api/kb/documents', { method: 'POST', body: form });
}
