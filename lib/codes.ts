/** What a 5xx status code means, for the person looking at the page. */
export interface CodeMeaning {
  code: number;
  /** The registered (or vendor) name, as servers print it. */
  name: string;
  /** A short human title for the card. */
  title: string;
  /** One or two plain sentences for a visitor who has never heard of a proxy. */
  visitor: string;
}

/** One row per code: the IANA registry (500–511) and the vendor codes seen in the wild. */
export const CODE_MEANINGS: readonly CodeMeaning[] = [
  {
    code: 500,
    name: 'Internal Server Error',
    title: 'The site hit an error',
    visitor: 'The site’s own software ran into a problem while making this page. It is not your fault.',
  },
  {
    code: 501,
    name: 'Not Implemented',
    title: 'The site can’t do this',
    visitor: 'The site does not know how to handle this kind of request. Trying again will not help.',
  },
  {
    code: 502,
    name: 'Bad Gateway',
    title: 'The site didn’t answer properly',
    visitor:
      'Big sites use a front server that passes your visit on to the server with the page. That server sent back something broken. It is not your fault.',
  },
  {
    code: 503,
    name: 'Service Unavailable',
    title: 'The site is down for now',
    visitor: 'The site is too busy or is being worked on. It should be back soon.',
  },
  {
    code: 504,
    name: 'Gateway Timeout',
    title: 'The site took too long',
    visitor: 'The server with the page took too long to answer, so the front server gave up waiting.',
  },
  {
    code: 505,
    name: 'HTTP Version Not Supported',
    title: 'The site can’t talk to your browser',
    visitor: 'The site does not accept the way your browser asked for the page.',
  },
  {
    code: 506,
    name: 'Variant Also Negotiates',
    title: 'The site is set up wrong',
    visitor: 'The site’s setup points in a circle, so it could not pick a page to send.',
  },
  {
    code: 507,
    name: 'Insufficient Storage',
    title: 'The site ran out of space',
    visitor: 'The site’s server is out of room to save or build this page.',
  },
  {
    code: 508,
    name: 'Loop Detected',
    title: 'The site went in circles',
    visitor: 'The site got stuck going round in a loop and stopped.',
  },
  {
    code: 509,
    name: 'Bandwidth Limit Exceeded',
    title: 'The site used up its traffic',
    visitor: 'The site used all the traffic its host allows for now. It may come back later.',
  },
  {
    code: 510,
    name: 'Not Extended',
    title: 'The site wants more from the request',
    visitor: 'The site wants extra details your browser did not send.',
  },
  {
    code: 511,
    name: 'Network Authentication Required',
    title: 'Your network wants you to sign in',
    visitor:
      'The Wi-Fi you are on (a hotel, café or office) wants you to sign in first. The site itself is not the problem.',
  },
  {
    code: 520,
    name: 'Web Server Returned an Unknown Error',
    title: 'The site’s server gave a strange answer',
    visitor: 'The site’s own server sent back an empty or strange answer to the service in front of it.',
  },
  {
    code: 521,
    name: 'Web Server Is Down',
    title: 'The site’s server is off',
    visitor: 'The service in front of the site tried to reach the site’s server, and it said no.',
  },
  {
    code: 522,
    name: 'Connection Timed Out',
    title: 'The site’s server can’t be reached',
    visitor: 'The service in front of the site could not reach the site’s own server in time.',
  },
  {
    code: 523,
    name: 'Origin Is Unreachable',
    title: 'The site’s server can’t be found',
    visitor: 'The service in front of the site could not find a way to the site’s own server.',
  },
  {
    code: 524,
    name: 'A Timeout Occurred',
    title: 'The site took too long',
    visitor: 'The site’s server started to answer but took far too long to finish.',
  },
  {
    code: 525,
    name: 'SSL Handshake Failed',
    title: 'A secure link failed',
    visitor: 'Two of the site’s servers could not set up a secure link with each other.',
  },
  {
    code: 526,
    name: 'Invalid SSL Certificate',
    title: 'The site’s security pass is bad',
    visitor: 'The site’s server showed a security pass that the service in front of it would not trust.',
  },
  {
    code: 527,
    name: 'Railgun Error',
    title: 'A link inside the site failed',
    visitor: 'A link between two of the site’s servers broke.',
  },
  {
    code: 529,
    name: 'Site Is Overloaded',
    title: 'The site is too busy',
    visitor: 'Too many people are using the site right now.',
  },
  {
    code: 530,
    name: 'Origin DNS Error',
    title: 'The site’s server can’t be found',
    visitor: 'The service in front of the site could not look up where the site’s server is.',
  },
];

const BY_CODE = new Map(CODE_MEANINGS.map((row) => [row.code, row]));

/** The meaning of a status; an honest generic one for codes no table knows. */
export function codeMeaning(status: number): CodeMeaning {
  return (
    BY_CODE.get(status) ?? {
      code: status,
      name: 'Server Error',
      title: 'The site had a problem',
      visitor: 'The site answered with an error code we don’t know. Something went wrong on the site’s side.',
    }
  );
}
