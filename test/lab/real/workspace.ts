/**
 * One run of real servers: a temp directory for their config files and logs, the processes
 * started in it, the in-process helpers (tiny upstreams, a DNS responder), and a way to stop
 * exactly those and remove the directory.
 *
 * Every server runs in the foreground in a process group of its own (spawned detached), so
 * stopping it signals that group and nothing else: no `pkill nginx`, no pid files under /run.
 * A watchdog process (also its own group) holds the list of groups and the directory; when
 * this process dies without closing the workspace (Ctrl-C in a test runner, a crash, SIGKILL),
 * the watchdog's stdin closes and it stops the groups and removes the directory itself.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A server process the workspace started. */
export interface Started {
  name: string;
  pid: number;
  /** The log file its stdout and stderr go to (inside the workspace). */
  log: string;
  exited: Promise<number | null>;
  /** Set once the process has exited. */
  exitCode?: number | null;
}

/** The watchdog, as a script for `node -e`: argv[1] = this process's pid (for its log line only). */
const WATCHDOG = `
const { rmSync, readdirSync, readFileSync } = require('node:fs');
const groups = new Set(); const dirs = new Set(); let done = false; let buffer = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffer += chunk;
  let i;
  while ((i = buffer.indexOf('\\n')) >= 0) {
    const [verb, ...rest] = buffer.slice(0, i).split(' '); buffer = buffer.slice(i + 1);
    const arg = rest.join(' ');
    if (verb === 'group') groups.add(Number(arg));
    else if (verb === 'ungroup') groups.delete(Number(arg));
    else if (verb === 'dir') dirs.add(arg);
    else if (verb === 'undir') dirs.delete(arg);
    else if (verb === 'done') done = true;
  }
});
const alive = (pgid) => readdirSync('/proc').some((pid) => {
  if (!/^\\d+$/.test(pid)) return false;
  try { const stat = readFileSync('/proc/' + pid + '/stat', 'utf8'); const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return f[0] !== 'Z' && Number(f[2]) === pgid; } catch { return false; }
});
process.stdin.on('end', () => {
  if (done) process.exit(0);
  for (const g of groups) { try { process.kill(-g, 'SIGTERM'); } catch {} }
  setTimeout(() => {
    for (const g of groups) { if (alive(g)) { try { process.kill(-g, 'SIGKILL'); } catch {} } }
    setTimeout(() => { for (const d of dirs) { try { rmSync(d, { recursive: true, force: true }); } catch {} } process.exit(0); }, 300);
  }, 3000);
});
`;

/** Pids of the live (not zombie) processes in a process group. */
export function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] !== 'Z' && Number(fields[2]) === pgid) members.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return members;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Ports handed out by this process and not yet given back, so two set-ups never get the same. */
const reserved = new Set<number>();

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : 0;
        server.close(() => resolve(port));
      });
    });
    if (!reserved.has(port)) {
      reserved.add(port);
      return port;
    }
  }
}

/** True when something accepts a TCP connection on 127.0.0.1:port. */
export function accepts(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Workspaces not yet closed, for closeAll(). */
const open = new Set<Workspace>();

/** Closes every workspace still open in this process. */
export async function closeAll(): Promise<void> {
  await Promise.allSettled([...open].map((ws) => ws.close()));
}

/**
 * For command-line tools: on Ctrl-C or SIGTERM, stop every server and remove every temp
 * directory before exiting (the watchdog covers deaths that leave no time for this).
 */
export function closeAllOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the real servers…`);
      void closeAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}

export class Workspace {
  readonly dir: string;
  private readonly started: Started[] = [];
  private readonly closers: (() => Promise<void> | void)[] = [];
  private readonly ports: number[] = [];
  private readonly watchdog: ChildProcess;
  private closing: Promise<void> | undefined;

  constructor(label: string) {
    this.dir = mkdtempSync(join(tmpdir(), `5xx-real-${label}-`));
    // Servers started as root drop to nobody/www-data/proxy/varnish: they must read their configs.
    chmodSync(this.dir, 0o755);
    this.watchdog = spawn(process.execPath, ['-e', WATCHDOG, String(process.pid)], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    this.watchdog.unref();
    (this.watchdog.stdin as unknown as { unref(): void }).unref();
    this.tell(`dir ${this.dir}`);
    open.add(this);
  }

  private tell(line: string): void {
    this.watchdog.stdin?.write(`${line}\n`);
  }

  /** A path inside the workspace. */
  path(...parts: string[]): string {
    return join(this.dir, ...parts);
  }

  /** Writes a file inside the workspace (creating its directory) and returns its path. */
  write(relative: string, content: string, mode = 0o644): string {
    const file = this.path(relative);
    mkdirSync(dirname(file), { recursive: true, mode: 0o755 });
    writeFileSync(file, content, { mode });
    return file;
  }

  /** Makes a directory inside the workspace; `writable` opens it to the user a server drops to. */
  mkdir(relative: string, writable = false): string {
    const dir = this.path(relative);
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    if (writable) chmodSync(dir, 0o1777);
    return dir;
  }

  /** A free port on 127.0.0.1 (see freePort), given back when the workspace closes. */
  async port(): Promise<number> {
    const port = await freePort();
    this.ports.push(port);
    return port;
  }

  /** The ports this workspace was given, in the order it asked for them. */
  allocatedPorts(): number[] {
    return [...this.ports];
  }

  /** Runs something when the workspace closes (after the processes are stopped). */
  onClose(fn: () => Promise<void> | void): void {
    this.closers.push(fn);
  }

  /** Starts a server in the foreground, in a process group of its own, logging into the workspace. */
  spawn(name: string, command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
    if (this.closing) throw new Error('The workspace is closing');
    const log = this.path('logs', `${name}.log`);
    mkdirSync(dirname(log), { recursive: true });
    const fd = openSync(log, 'a');
    const child = spawn(command, args, {
      cwd: options.cwd ?? this.dir,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', fd, fd],
    });
    if (child.pid === undefined) throw new Error(`Could not start ${command}`);
    const started: Started = {
      name,
      pid: child.pid,
      log,
      exited: new Promise((resolve) => {
        child.once('exit', (code, signal) => {
          started.exitCode = code ?? (signal ? -1 : null);
          resolve(started.exitCode);
        });
        child.once('error', () => {
          started.exitCode = -1;
          resolve(-1);
        });
      }),
    };
    child.unref();
    this.started.push(started);
    this.tell(`group ${child.pid}`);
    return started;
  }

  /** The last lines of a started server's log, for error messages. */
  logTail(started: Started, lines = 30): string {
    try {
      return readFileSync(started.log, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  /**
   * Waits until the server accepts connections on `port`; fails at once, with its log, if it
   * exits first, or after `timeoutMs`.
   */
  async waitForPort(started: Started, port: number, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (started.exitCode !== undefined) {
        throw new Error(`${started.name} exited (${started.exitCode}) before listening:\n${this.logTail(started)}`);
      }
      if (await accepts(port)) return;
      if (Date.now() > deadline) {
        throw new Error(`${started.name} not listening on ${port} after ${timeoutMs} ms:\n${this.logTail(started)}`);
      }
      await sleep(50);
    }
  }

  /** Stops one started server: SIGTERM to its group, SIGKILL to what is left after `graceMs`. */
  async stop(started: Started, graceMs = 3000): Promise<void> {
    const signal = (name: NodeJS.Signals) => {
      try {
        process.kill(-started.pid, name);
      } catch {
        // The group is gone.
      }
    };
    if (groupMembers(started.pid).length > 0) {
      signal('SIGTERM');
      const deadline = Date.now() + graceMs;
      while (groupMembers(started.pid).length > 0 && Date.now() < deadline) await sleep(50);
      if (groupMembers(started.pid).length > 0) {
        signal('SIGKILL');
        while (groupMembers(started.pid).length > 0) await sleep(20);
      }
    }
    this.tell(`ungroup ${started.pid}`);
  }

  /** Stops every server (newest first), runs the close hooks, removes the directory. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const errors: unknown[] = [];
      await Promise.all([...this.started].reverse().map((s) => this.stop(s).catch((e) => errors.push(e))));
      for (const fn of [...this.closers].reverse()) {
        try {
          await fn();
        } catch (error) {
          errors.push(error);
        }
      }
      rmSync(this.dir, { recursive: true, force: true });
      for (const port of this.ports) reserved.delete(port);
      open.delete(this);
      this.tell('done');
      this.watchdog.stdin?.end();
      if (errors.length > 0) throw new AggregateError(errors, 'Closing the workspace');
    })();
    return this.closing;
  }
}
