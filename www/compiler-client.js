// The studio's side of the compiler's worker (compiler-worker.js): requests
// with ids, answered in any order. Two lanes, each its own worker, so a
// slow build (layout) never holds back the diagnostics of the next
// keystroke: 'check' for checks, 'build' for builds, imports and the site.
// A request with a `supersede` key drops the queued request of that key
// (its promise rejects with Superseded), and one that has run over a second
// is stopped by restarting its lane's worker. Anything over a second is
// told as 'progress' events, so the page can say what it is waiting for.

/** Why a request's promise rejected when a newer one replaced it, or the user cancelled it. */
export class Superseded extends Error {
  /** `cancelled`: the user stopped it (Cancel), rather than a newer request. */
  constructor(cancelled = false) {
    super(cancelled ? 'cancelled' : 'superseded by a newer request');
    this.name = 'Superseded';
    this.cancelled = cancelled;
  }
}

/** After this long a request is told as progress, and may be stopped when superseded. */
export const SLOW_MS = 1000;

class Lane {
  constructor(name, url, events) {
    this.name = name;
    this.url = url;
    this.events = events;
    this.queue = [];
    this.running = null;
    this.worker = null;
    this.ticker = 0;
  }

  start() {
    const worker = new Worker(this.url, { type: 'module', name: `alliance-map compiler (${this.name})` });
    worker.onmessage = ({ data }) => this.answer(data);
    worker.onerror = (e) => {
      e.preventDefault();
      this.fail(`the compiler could not start in this browser (${e.message || 'its worker did not load: blocked, or its files are missing'})`);
    };
    worker.onmessageerror = () => this.fail("the compiler's answer could not be read");
    this.worker = worker;
  }

  run(job) {
    if (job.supersede) {
      for (const old of this.queue.filter((j) => j.supersede === job.supersede)) old.reject(new Superseded());
      this.queue = this.queue.filter((j) => j.supersede !== job.supersede);
      const r = this.running;
      if (r && r.supersede === job.supersede && performance.now() - r.started > SLOW_MS) this.stop(new Superseded());
    }
    this.queue.push(job);
    this.pump();
  }

  pump() {
    if (this.running || !this.queue.length) return;
    if (!this.worker) this.start();
    const job = (this.running = this.queue.shift());
    job.started = performance.now();
    this.worker.postMessage({ id: job.id, op: job.op, args: job.args }, job.transfer || []);
    this.ticker = setInterval(() => this.tick(), 250);
  }

  tick() {
    const job = this.running;
    const elapsed = job ? performance.now() - job.started : 0;
    if (job && elapsed > SLOW_MS) this.events.dispatchEvent(new CustomEvent('progress', { detail: { lane: this.name, label: job.label, elapsed } }));
  }

  done() {
    clearInterval(this.ticker);
    const job = this.running;
    this.running = null;
    if (job && performance.now() - job.started > SLOW_MS) this.events.dispatchEvent(new CustomEvent('progress', { detail: { lane: this.name, label: job.label, elapsed: 0, done: true } }));
    return job;
  }

  answer({ id, result, error, ms }) {
    if (this.running?.id !== id) return; // an answer of a worker stopped meanwhile
    const job = this.done();
    if (error !== undefined) job.reject(new Error(error));
    else job.resolve({ ...result, ms });
    this.pump();
  }

  /** Stops the running request (its promise rejects with `why`) by restarting the worker; the queue goes on. */
  stop(why) {
    if (!this.running) return;
    this.worker.terminate();
    this.worker = null;
    this.done().reject(why);
    queueMicrotask(() => this.pump());
  }

  fail(message) {
    this.worker?.terminate();
    this.worker = null;
    const job = this.done();
    job?.reject(new Error(message));
    for (const j of this.queue.splice(0)) j.reject(new Error(message));
  }
}

export class CompilerClient extends EventTarget {
  constructor(url = new URL('./compiler-worker.js', import.meta.url)) {
    super();
    this.nextId = 0;
    this.lanes = { check: new Lane('check', url, this), build: new Lane('build', url, this) };
  }

  /**
   * Runs `op` (compiler-worker.js: check, convert, build, site) with `args`
   * on `lane`. `label` says what it does ("Checking the data"), for
   * progress; `supersede`: a key (see above). Resolves to the result, with
   * `ms`, the time the compiler took.
   */
  request(lane, op, args, { label = op, supersede = null, transfer = null } = {}) {
    return new Promise((resolve, reject) => {
      this.lanes[lane].run({ id: ++this.nextId, op, args, label, supersede, transfer, resolve, reject });
    });
  }

  /** Stops what `lane` is running now (the user's Cancel). */
  cancel(lane) {
    this.lanes[lane].stop(new Superseded(true));
  }

  /** Ends both workers (tests; a page does not need to). */
  close() {
    for (const lane of Object.values(this.lanes)) lane.fail('the compiler was closed');
  }
}
