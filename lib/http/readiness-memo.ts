/**
 * What this process knows about its database, so the proxy can answer "briefly unavailable" itself instead of
 * letting every page fail on its first query. A cache, not state that matters: losing it costs one failed request.
 *
 * While the database is healthy it costs nothing (no probe, no statement, no wait): it learns of an outage from
 * the requests that meet one (a page whose render failed, a form the action kit sent back). From then on the
 * proxy asks the database at most once per `retryMs`, requests arriving meanwhile share that one question, and
 * the first answer lets pages through again.
 */
export class ReadinessMemo {
  private down: { lastAsked: number } | null = null;
  private asking: Promise<boolean> | null = null;

  constructor(
    private readonly retryMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** A request met the database unreachable; the next request asks again at once (the failure may be one stale connection). */
  markDown(): void {
    this.down ??= { lastAsked: Number.NEGATIVE_INFINITY };
  }

  /** True unless an outage was seen and the database has not answered `probe` since. */
  up(probe: () => Promise<boolean>): Promise<boolean> {
    if (!this.down) return Promise.resolve(true);
    if (this.now() - this.down.lastAsked < this.retryMs) return Promise.resolve(false);
    this.asking ??= probe()
      .catch(() => false)
      .then((up) => {
        this.asking = null;
        this.down = up ? null : { lastAsked: this.now() };
        return up;
      });
    return this.asking;
  }
}

// The proxy, the pages (instrumentation's onRequestError) and the server actions are separate bundles in one
// process; the memo lives on globalThis so that they all share it (as db/client.ts shares the connection).
const holder = globalThis as unknown as { __samvadDatabaseReadiness?: ReadinessMemo };

export function databaseReadiness(): ReadinessMemo {
  holder.__samvadDatabaseReadiness ??= new ReadinessMemo();
  return holder.__samvadDatabaseReadiness;
}
