// Helpers for class-session tests: create a session over HTTP, SDK students in its waiting room,
// the facilitator's commands.
import type { Room } from '@colyseus/sdk';
import { CLASS_MESSAGES, type ConsoleModel, type StudentModel } from '../../shared/class/console';
import type { CreateSession, SessionCommandInput, SessionCreated } from '../../shared/class/setup';
import { waitFor, type Booted } from './helpers';

/** Seats of a session: for a person, or the builder bot. */
export const HUMAN = { kind: 'human' } as const;
export const BOT = { kind: 'bot', bot: { kind: 'persona', persona: 'builder', difficulty: 'normal' } } as const;

export async function createSession(b: Booted, body: CreateSession): Promise<SessionCreated> {
  const res = await fetch(`${b.url}/api/class`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`session not created: ${res.status} ${await res.text()}`);
  return (await res.json()) as SessionCreated;
}

export async function act(
  b: Booted,
  code: string,
  key: string | null,
  command: SessionCommandInput,
): Promise<{ status: number; body: { ok?: boolean; error?: string; message?: string } }> {
  const res = await fetch(`${b.url}/api/class/${code}/act`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === null ? {} : { 'x-facilitator-key': key }) },
    body: JSON.stringify(command),
  });
  return { status: res.status, body: (await res.json()) as { ok?: boolean; error?: string; message?: string } };
}

/** A command that must succeed. */
export async function must(b: Booted, code: string, key: string, command: SessionCommandInput): Promise<void> {
  const r = await act(b, code, key, command);
  if (r.status !== 200) throw new Error(`${command.type} refused: ${r.status} ${JSON.stringify(r.body)}`);
}

export class Student {
  model: StudentModel | null = null;
  models: StudentModel[] = [];
  constructor(readonly room: Room) {
    room.onMessage(CLASS_MESSAGES.student, (m: StudentModel) => {
      this.model = m;
      this.models.push(m);
    });
    room.onMessage('*', () => undefined);
  }
  async seated(timeout = 10_000): Promise<NonNullable<StudentModel['seat']>> {
    await waitFor(() => this.model?.seat != null, timeout, `${this.model?.name ?? 'a student'} to be seated`);
    return this.model!.seat!;
  }
}

/** `claim`: the name claim an earlier join of this "browser" was given (StudentModel.claim). */
export async function joinSession(b: Booted, code: string, name: string, claim?: string): Promise<Student> {
  const room = await b.colyseus.sdk.joinById(code, claim === undefined ? { name } : { name, claim });
  const s = new Student(room);
  await waitFor(() => s.model !== null, 5000, `${name} in the waiting room`);
  return s;
}

export class Console {
  model: ConsoleModel | null = null;
  updates = 0;
  constructor(readonly room: Room) {
    room.onMessage(CLASS_MESSAGES.console, (m: ConsoleModel) => {
      this.model = m;
      this.updates++;
    });
    room.onMessage('*', () => undefined);
  }
}

export async function openConsole(b: Booted, code: string, key: string): Promise<Console> {
  const room = await b.colyseus.sdk.joinById(code, { key });
  const c = new Console(room);
  await waitFor(() => c.model !== null, 5000, 'the console');
  return c;
}
