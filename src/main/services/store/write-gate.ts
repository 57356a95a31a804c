// One writer at a time, without blocking the main thread. SQLite lets one connection write at
// a time; a write on the main thread that meets another connection's transaction would wait
// for it inside SQLite, holding up every click and repaint meanwhile. Large changes run in the
// writer thread (app/writer.ts) on a connection of their own, so the main thread's writes take
// their turn here instead: they wait, asynchronously, for the writer thread's write to end.

/** Turns at writing a project file, between the main thread and the writer thread. */
export class WriteGate {
  private away: Promise<unknown> | null = null;

  /** Runs a synchronous write on this thread once no write elsewhere is under way. */
  async run<T>(write: () => T): Promise<T> {
    while (this.away) await this.away;
    return write();
  }

  /** Runs a write of another thread: the main thread's writes wait until it settles. */
  async elsewhere<T>(write: () => Promise<T>): Promise<T> {
    while (this.away) await this.away;
    const turn = write();
    const settled = turn.then(
      () => undefined,
      () => undefined,
    );
    this.away = settled;
    void settled.then(() => {
      if (this.away === settled) this.away = null;
    });
    return turn;
  }
}
