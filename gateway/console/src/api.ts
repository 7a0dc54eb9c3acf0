/**
 * The console's calls: the Reports API and the console's own routes, with the user's bearer token. A refusal is
 * kept as its code and message, so the page can say, in the user's language, why it shows nothing.
 */
export interface Refused {
  code: string;
  message: string;
  status: number;
}

export type Answer<T> = { ok: true; body: T; journalEntry: string | undefined } | { ok: false; refused: Refused };

const TOKEN_KEY = 'negiz-console-token';

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string): void => sessionStorage.setItem(TOKEN_KEY, token),
  clear: (): void => sessionStorage.removeItem(TOKEN_KEY),
};

async function call<T>(path: string, init: RequestInit = {}): Promise<{ response: Response; answer: Answer<T> }> {
  const token = session.token();
  const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(path, { ...init, headers });
  if (response.ok) return { response, answer: { ok: true, body: undefined as T, journalEntry: response.headers.get('x-negiz-journal-entry') ?? undefined } };
  let refused: Refused = { code: 'INTERNAL', message: response.statusText, status: response.status };
  try {
    const body = (await response.json()) as { errors?: Array<{ message?: string; extensions?: { code?: string } }> };
    const first = body.errors?.[0];
    refused = { code: first?.extensions?.code ?? refused.code, message: first?.message ?? refused.message, status: response.status };
  } catch {
    // Not JSON: keep the status line.
  }
  return { response, answer: { ok: false, refused } };
}

export async function getJson<T>(path: string): Promise<Answer<T>> {
  const { response, answer } = await call<T>(path);
  if (!answer.ok) return answer;
  return { ...answer, body: (await response.json()) as T };
}

export async function postJson<T>(path: string, body: unknown): Promise<Answer<T>> {
  const { response, answer } = await call<T>(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!answer.ok) return answer;
  return { ...answer, body: (await response.json()) as T };
}

export async function getText(path: string): Promise<Answer<string>> {
  const { response, answer } = await call<string>(path);
  if (!answer.ok) return answer;
  return { ...answer, body: await response.text() };
}

/** Offers a file to the user (no server round trip: the data is already on screen). */
export function download(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
