import type { Fingerprint } from './fingerprints';
import { APOS } from './fingerprints-edge';

/**
 * Language runtimes and web frameworks: the site's application itself. Their own 500 pages say
 * that the application's code failed.
 */
export const APP_FINGERPRINTS: readonly Fingerprint[] = [
  {
    id: 'php',
    vendor: 'PHP',
    kind: 'application',
    depth: 58,
    signatures: [{ id: 'php-powered-by', header: 'x-powered-by', pattern: /^PHP\/[\d.]{1,12}/ }],
  },
  {
    id: 'wordpress',
    vendor: 'WordPress',
    kind: 'application',
    depth: 60,
    signatures: [
      { id: 'wp-api-link', header: 'link', pattern: /rel="https:\/\/api\.w\.org\/"/ },
      { id: 'wp-markup', pattern: /\/wp-(?:content|includes)\// },
      { id: 'wp-db-error', pattern: /Error establishing a database connection/, wroteError: true },
      {
        id: 'wp-critical-error',
        pattern: /There has been a critical error on (?:this|your) website/,
        wroteError: true,
      },
    ],
  },
  {
    id: 'laravel',
    vendor: 'Laravel',
    kind: 'application',
    depth: 60,
    signatures: [
      // The markup of Laravel's own error pages (Illuminate/Foundation/Exceptions/views/minimal.blade.php).
      {
        id: 'laravel-error-page',
        pattern: /class="px-4 text-lg text-gray-500 border-r border-gray-400 tracking-wider"/,
        wroteError: true,
      },
    ],
  },
  {
    id: 'django',
    vendor: 'Django',
    kind: 'application',
    depth: 60,
    signatures: [{ id: 'django-500-page', pattern: /<h1>Server Error \(500\)<\/h1>/, wroteError: true }],
  },
  {
    id: 'werkzeug',
    vendor: 'Flask (Werkzeug)',
    kind: 'application',
    depth: 60,
    signatures: [
      { id: 'werkzeug-server', header: 'server', pattern: /^Werkzeug\/[\d.]{1,12}\b/ },
      {
        id: 'werkzeug-500-page',
        pattern:
          /<p>The server encountered an internal error and was unable to complete your request\. Either the server is overloaded or there is an error in the application\.<\/p>/,
        wroteError: true,
      },
    ],
  },
  {
    id: 'express',
    vendor: 'Express',
    kind: 'application',
    depth: 60,
    signatures: [
      { id: 'express-powered-by', header: 'x-powered-by', pattern: /^Express$/ },
      // finalhandler's page: the error's stack or its status message in a <pre>.
      {
        id: 'express-error-page',
        pattern: /<title>Error<\/title>\s{0,20}<\/head>\s{0,20}<body>\s{0,20}<pre>/,
        wroteError: true,
      },
    ],
  },
  {
    id: 'spring',
    vendor: 'Spring Boot',
    kind: 'application',
    depth: 60,
    signatures: [
      { id: 'spring-whitelabel', pattern: /<h1>Whitelabel Error Page<\/h1>/, wroteError: true },
      {
        id: 'spring-json-error',
        pattern: /^\{"timestamp":"[\d:.TZ+-]{10,40}","status":5\d\d,"error":"[\w ]{1,40}","path":"/,
        wroteError: true,
      },
    ],
  },
  {
    id: 'rails',
    vendor: 'Ruby on Rails',
    kind: 'application',
    depth: 60,
    signatures: [
      {
        id: 'rails-500-page',
        pattern: new RegExp(
          `<!-- This file lives in public/500\\.html -->|We${APOS}re sorry, but something went wrong\\.`,
        ),
        wroteError: true,
      },
    ],
  },
];
