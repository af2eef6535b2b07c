import type { Browser, Page } from 'puppeteer-core';

/**
 * Raw WebDriver BiDi for the few things puppeteer does not wrap: reaching into a closed shadow
 * root, and running code in the browser's own (privileged) window. Puppeteer keeps its BiDi
 * connection and a page's browsing-context id internal; both are read in this one place.
 */
interface Connection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** A BiDi remote value, as far as these tests read it. */
export interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

/** A DOM node as BiDi serializes it, with its shadow root when asked for. */
interface NodeValue extends RemoteValue {
  value?: { shadowRoot?: RemoteValue | null };
}

type EvaluateResult =
  | { type: 'success'; result: RemoteValue }
  | { type: 'exception'; exceptionDetails: { text: string } };

function connection(browser: Browser): Connection {
  return (browser as unknown as { connection: Connection }).connection;
}

/** The BiDi browsing context of a page's top frame. */
export function contextOf(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

function unwrap(what: string, result: EvaluateResult): RemoteValue {
  if (result.type === 'exception') throw new Error(`${what}: ${result.exceptionDetails.text}`);
  return result.result;
}

/** BiDi commands on one browser. */
export class Bidi {
  private readonly connection: Connection;

  constructor(browser: Browser) {
    this.connection = connection(browser);
  }

  async send<T>(method: string, params: object): Promise<T> {
    return (await this.connection.send(method, params)).result as T;
  }

  /**
   * The shadow root of the first element matching `hostSelector` in the page, open or closed,
   * as a reference for `callOn`; null when there is no such element. WebDriver BiDi serializes
   * closed roots for automation (`includeShadowTree: 'all'`) as DevTools shows them: page
   * scripts still cannot reach them.
   */
  async shadowRoot(page: Page, hostSelector: string): Promise<RemoteValue | null> {
    const result = await this.send<EvaluateResult>('script.callFunction', {
      functionDeclaration: '(selector) => document.querySelector(selector)',
      arguments: [{ type: 'string', value: hostSelector }],
      awaitPromise: false,
      target: { context: contextOf(page) },
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
    });
    const host = unwrap('finding the shadow host', result) as NodeValue;
    return host.type === 'node' ? (host.value?.shadowRoot ?? null) : null;
  }

  /** Calls `fn(node)` in the page for a node reference; returns the result by value. */
  async callOn<T>(page: Page, node: RemoteValue, fn: string): Promise<T> {
    const result = await this.send<EvaluateResult>('script.callFunction', {
      functionDeclaration: fn,
      arguments: [{ sharedId: node.sharedId }],
      awaitPromise: false,
      target: { context: contextOf(page) },
      resultOwnership: 'none',
    });
    return deserialize(unwrap('calling into the page', result)) as T;
  }

  /**
   * Evaluates an expression in the browser's own window (the address bar, tabs, preferences):
   * what a person's clicks and keys reach. Needs Firefox's --remote-allow-system-access.
   */
  async privileged<T>(expression: string): Promise<T> {
    const tree = await this.send<{ contexts: { context: string }[] }>('browsingContext.getTree', {
      'moz:scope': 'chrome',
    });
    const window = tree.contexts[0]?.context;
    if (!window) throw new Error('No browser window to run privileged code in');
    const result = await this.send<EvaluateResult>('script.evaluate', {
      expression,
      awaitPromise: true,
      target: { context: window },
    });
    return deserialize(unwrap('privileged code', result)) as T;
  }

  /** Starts a navigation without waiting for it (puppeteer's goto never settles on moz-extension: pages). */
  async startNavigation(page: Page, url: string): Promise<void> {
    await this.send('browsingContext.navigate', { context: contextOf(page), url, wait: 'none' });
  }
}

/** Primitive values, arrays and plain objects of a BiDi remote value. */
function deserialize(remote: RemoteValue): unknown {
  switch (remote.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'string':
    case 'boolean':
      return remote.value;
    case 'number':
      return typeof remote.value === 'number' ? remote.value : Number(remote.value);
    case 'array':
      return (remote.value as RemoteValue[]).map(deserialize);
    case 'object':
      return Object.fromEntries(
        (remote.value as [string | RemoteValue, RemoteValue][]).map(([key, value]) => [
          typeof key === 'string' ? key : String(deserialize(key)),
          deserialize(value),
        ]),
      );
    default:
      return remote;
  }
}
