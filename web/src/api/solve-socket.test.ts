import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SolveSocket } from './solve-socket';
import { setSession } from './session';
import type { SolveMessage } from './solve-messages';
import type { UserProfile } from './types';

class FakeSocket {
  static all: FakeSocket[] = [];
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(public url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.onclose?.();
  }
  open() {
    this.onopen?.();
  }
  receive(message: object) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop() {
    this.onclose?.();
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('SolveSocket', () => {
  beforeEach(() => {
    FakeSocket.all = [];
    setSession({ accessToken: 'jwt', refreshToken: 'r', expiresAt: Date.now() + 600_000, user: { username: 'ana' } as UserProfile });
  });
  afterEach(() => setSession(null));

  function start(onFailure = vi.fn()) {
    const messages: SolveMessage[] = [];
    const socket = new SolveSocket(
      { onMessage: (m) => messages.push(m), onFailure },
      { createSocket: (url) => new FakeSocket(url) as unknown as WebSocket, retryDelayMs: () => 0 },
    );
    socket.start({ challenge_id: 'c1', language: 'python', code: 'x' });
    return { messages, onFailure };
  }

  it('authenticates with the token in the query and sends the submit request', async () => {
    start();
    await flush();
    const ws = FakeSocket.all[0]!;
    expect(ws.url).toMatch(/\/v1\/solve\?access_token=jwt$/);
    ws.open();
    expect(JSON.parse(ws.sent[0]!)).toEqual({ challenge_id: 'c1', language: 'python', code: 'x' });
  });

  it('resumes after a drop from the last sequence and ignores repeats', async () => {
    const { messages } = start();
    await flush();
    const first = FakeSocket.all[0]!;
    first.open();
    first.receive({ type: 'accepted', submission_id: 's1', attempt_number: 1 });
    first.receive({ type: 'loop_start', sequence: 1, submission_id: 's1', loop: 'solve' });
    first.receive({ type: 'agent_start', sequence: 2, submission_id: 's1', agent: 'check' });
    first.drop();
    await new Promise((r) => setTimeout(r, 5));
    const second = FakeSocket.all[1]!;
    second.open();
    expect(JSON.parse(second.sent[0]!)).toEqual({ submission_id: 's1', after_sequence: 2 });
    second.receive({ type: 'agent_start', sequence: 2, submission_id: 's1', agent: 'check' });
    second.receive({
      type: 'complete',
      sequence: 3,
      submission_id: 's1',
      submission: { id: 's1', status: 'passed', score: 100, xpGained: 50, attemptNumber: 1, executionTimeMs: 10, testResults: null },
      feedback: null,
    });
    expect(messages.map((m) => ('sequence' in m ? m.sequence : m.type))).toEqual(['accepted', 1, 2, 3]);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it('resumes a submission that was accepted before any event arrived', async () => {
    start();
    await flush();
    const first = FakeSocket.all[0]!;
    first.open();
    first.receive({ type: 'accepted', submission_id: 's9', attempt_number: 3 });
    first.drop();
    await new Promise((r) => setTimeout(r, 5));
    FakeSocket.all[1]!.open();
    expect(JSON.parse(FakeSocket.all[1]!.sent[0]!)).toEqual({ submission_id: 's9', after_sequence: 0 });
  });

  it('reports an endpoint that never opens as unavailable', async () => {
    const { onFailure } = start();
    await flush();
    FakeSocket.all[0]!.drop();
    expect(onFailure).toHaveBeenCalledWith('unavailable');
  });

  it('asks to sign in when there is no session', async () => {
    setSession(null);
    const { onFailure } = start();
    await flush();
    expect(onFailure).toHaveBeenCalledWith('unauthorized');
    expect(FakeSocket.all).toHaveLength(0);
  });
});
