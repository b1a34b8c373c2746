import { freshAccessToken } from './client';
import type { SolveMessage, SolveRequest } from './solve-messages';

export interface SolveSocketHandlers {
  onMessage: (message: SolveMessage) => void;
  onStateChange?: (state: 'connecting' | 'open' | 'reconnecting' | 'closed') => void;
  onFailure: (reason: 'unavailable' | 'unauthorized' | 'lost') => void;
}

export interface SolveSocketOptions {
  /** Builds the socket; tests pass a fake. */
  createSocket?: (url: string) => WebSocket;
  maxReconnects?: number;
  retryDelayMs?: (attempt: number) => number;
}

function solveUrl(token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/v1/solve?access_token=${encodeURIComponent(token)}`;
}

/**
 * Follows one submission over `/v1/solve`. It starts with a submit-and-follow request, remembers the
 * last sequence it saw, and after a dropped connection resumes with {submission_id, after_sequence},
 * so no event is lost or shown twice. Closing the socket never cancels judging on the server.
 */
export class SolveSocket {
  private socket: WebSocket | null = null;
  private submissionId: string | null = null;
  private lastSequence = 0;
  private reconnects = 0;
  private finished = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly handlers: SolveSocketHandlers;
  private readonly options: Required<SolveSocketOptions>;

  constructor(handlers: SolveSocketHandlers, options: SolveSocketOptions = {}) {
    this.handlers = handlers;
    this.options = {
      createSocket: options.createSocket ?? ((url) => new WebSocket(url)),
      maxReconnects: options.maxReconnects ?? 5,
      retryDelayMs: options.retryDelayMs ?? ((attempt) => Math.min(500 * 2 ** attempt, 8000)),
    };
  }

  start(request: SolveRequest): void {
    if ('submission_id' in request) this.submissionId = request.submission_id;
    void this.connect(request);
  }

  close(): void {
    this.finished = true;
    if (this.timer) clearTimeout(this.timer);
    this.socket?.close(1000);
    this.socket = null;
  }

  private async connect(request: SolveRequest): Promise<void> {
    const token = await freshAccessToken();
    if (this.finished) return;
    if (!token) {
      this.finished = true;
      this.handlers.onFailure('unauthorized');
      return;
    }
    this.handlers.onStateChange?.(this.reconnects === 0 ? 'connecting' : 'reconnecting');
    let opened = false;
    const socket = this.options.createSocket(solveUrl(token));
    this.socket = socket;
    socket.onopen = () => {
      opened = true;
      this.handlers.onStateChange?.('open');
      socket.send(JSON.stringify(request));
    };
    socket.onmessage = (event) => {
      let message: SolveMessage;
      try {
        message = JSON.parse(String(event.data)) as SolveMessage;
      } catch {
        return;
      }
      if (message.type === 'accepted') {
        this.submissionId = message.submission_id;
      } else if (message.type !== 'error') {
        if (message.sequence <= this.lastSequence) return;
        this.lastSequence = message.sequence;
        this.submissionId = message.submission_id;
        this.reconnects = 0;
      }
      this.handlers.onMessage(message);
      if (message.type === 'complete' || message.type === 'error') this.close();
    };
    socket.onclose = () => {
      if (this.socket !== socket || this.finished) return;
      this.socket = null;
      if (!opened && this.reconnects === 0 && !this.submissionId) {
        this.finished = true;
        this.handlers.onStateChange?.('closed');
        this.handlers.onFailure('unavailable');
        return;
      }
      if (!this.submissionId || this.reconnects >= this.options.maxReconnects) {
        this.finished = true;
        this.handlers.onStateChange?.('closed');
        this.handlers.onFailure('lost');
        return;
      }
      const delay = this.options.retryDelayMs(this.reconnects);
      this.reconnects += 1;
      this.handlers.onStateChange?.('reconnecting');
      this.timer = setTimeout(
        () => void this.connect({ submission_id: this.submissionId!, after_sequence: this.lastSequence }),
        delay,
      );
    };
  }
}
