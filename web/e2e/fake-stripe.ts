import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StripeCall {
  method: string;
  path: string;
  form: Record<string, string>;
}

/**
 * The parts of Stripe's REST API the app calls on checkout (form-encoded requests, JSON answers shaped like
 * Stripe's), plus the hosted checkout page the learner is sent to: Stripe.net reaches it through
 * Compila__Billing__Stripe__BaseUrl. The C# tests have the same fake (tests/.../Billing/FakeStripe.cs), webhooks included.
 */
export class FakeStripe {
  readonly calls: StripeCall[] = [];
  private sequence = 0;
  private constructor(private readonly server: Server) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  static async start(): Promise<FakeStripe> {
    let fake: FakeStripe | undefined;
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => fake!.handle(request.method ?? 'GET', request.url ?? '/', body, response));
    });
    fake = new FakeStripe(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private nextId(prefix: string) {
    this.sequence += 1;
    return `${prefix}_${this.sequence.toString().padStart(6, '0')}`;
  }

  private handle(method: string, url: string, body: string, response: import('node:http').ServerResponse) {
    const path = url.split('?')[0]!;
    const form = Object.fromEntries(new URLSearchParams(body));
    const json = (value: unknown, status = 200) => {
      response.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': this.nextId('req') });
      response.end(JSON.stringify(value));
    };
    if (path.startsWith('/v1/')) this.calls.push({ method, path, form });
    if (method === 'POST' && path === '/v1/customers') {
      return json({ id: this.nextId('cus'), object: 'customer', metadata: metadata(form) });
    }
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      const id = this.nextId('cs_test');
      return json({
        id,
        object: 'checkout.session',
        mode: form.mode,
        customer: form.customer,
        url: `${this.baseUrl}/c/pay/${id}`,
        metadata: metadata(form),
      });
    }
    if (method === 'GET' && path.startsWith('/c/pay/')) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return response.end(`<!doctype html><html lang="pt-BR"><title>Checkout de teste</title><h1>Checkout de teste ${path.slice(7)}</h1></html>`);
    }
    return json({ error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` } }, 404);
  }
}

function metadata(form: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) {
    const match = /^metadata\[(.+)\]$/.exec(key);
    if (match) out[match[1]!] = value;
  }
  return out;
}
