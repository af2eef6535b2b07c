/**
 * A 5xx status code we know. Its words live in public/_locales, under the keys
 * `code_<code>_title` (the card's title), `code_<code>_visitor` (plain sentences for a visitor
 * who has never heard of a proxy) and `code_<code>_owner` (for the site owner; may be
 * technical); codes we do not know use `code_other_*`.
 */
export interface CodeMeaning {
  code: number;
  /** The registered (or vendor) name, as servers print it. Not translated: it is the code's name. */
  name: string;
}

/** One row per code: the IANA registry (500–511) and the vendor codes seen in the wild. */
export const CODE_MEANINGS: readonly CodeMeaning[] = [
  {
    code: 500,
    name: 'Internal Server Error',
  },
  {
    code: 501,
    name: 'Not Implemented',
  },
  {
    code: 502,
    name: 'Bad Gateway',
  },
  {
    code: 503,
    name: 'Service Unavailable',
  },
  {
    code: 504,
    name: 'Gateway Timeout',
  },
  {
    code: 505,
    name: 'HTTP Version Not Supported',
  },
  {
    code: 506,
    name: 'Variant Also Negotiates',
  },
  {
    code: 507,
    name: 'Insufficient Storage',
  },
  {
    code: 508,
    name: 'Loop Detected',
  },
  {
    code: 509,
    name: 'Bandwidth Limit Exceeded',
  },
  {
    code: 510,
    name: 'Not Extended',
  },
  {
    code: 511,
    name: 'Network Authentication Required',
  },
  {
    code: 520,
    name: 'Web Server Returned an Unknown Error',
  },
  {
    code: 521,
    name: 'Web Server Is Down',
  },
  {
    code: 522,
    name: 'Connection Timed Out',
  },
  {
    code: 523,
    name: 'Origin Is Unreachable',
  },
  {
    code: 524,
    name: 'A Timeout Occurred',
  },
  {
    code: 525,
    name: 'SSL Handshake Failed',
  },
  {
    code: 526,
    name: 'Invalid SSL Certificate',
  },
  {
    code: 527,
    name: 'Railgun Error',
  },
  {
    code: 529,
    name: 'Site Is Overloaded',
  },
  {
    code: 530,
    name: 'Origin DNS Error',
  },
];

const BY_CODE = new Map(CODE_MEANINGS.map((row) => [row.code, row]));

/** The row of a status; undefined for codes no table knows. */
export function knownCode(status: number): CodeMeaning | undefined {
  return BY_CODE.get(status);
}

/** The meaning of a status; an honest generic one for codes no table knows. */
export function codeMeaning(status: number): CodeMeaning {
  return (
    knownCode(status) ?? {
      code: status,
      name: 'Server Error',
    }
  );
}
