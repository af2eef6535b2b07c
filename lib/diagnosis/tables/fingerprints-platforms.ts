import type { Fingerprint } from './fingerprints';
import { APOS } from './fingerprints-edge';

/** Cloud load balancers and hosting platforms: what runs a site's app for its owner. */
export const PLATFORM_FINGERPRINTS: readonly Fingerprint[] = [
  {
    id: 'aws-alb',
    vendor: 'AWS load balancer',
    kind: 'load-balancer',
    depth: 20,
    signatures: [{ id: 'awselb-server', header: 'server', pattern: /^awselb\/[\d.]+$/i, wroteError: true }],
  },
  {
    id: 'google-front-end',
    vendor: 'Google Front End',
    kind: 'load-balancer',
    depth: 20,
    signatures: [
      { id: 'google-via', header: 'via', pattern: /^1\.1 google$/ },
      { id: 'google-server', header: 'server', pattern: /^Google Frontend$/ },
      { id: 'google-error-page', pattern: new RegExp(`That${APOS}s an error\\.`), wroteError: true },
      { id: 'google-server-error-page', pattern: /<h1>Error: Server Error<\/h1>/, wroteError: true },
    ],
  },
  {
    id: 'azure-app-gateway',
    vendor: 'Azure Application Gateway',
    kind: 'load-balancer',
    depth: 20,
    signatures: [
      { id: 'azure-app-gateway-server', header: 'server', pattern: /^Microsoft-Azure-Application-Gateway\/v\d$/ },
      {
        id: 'azure-app-gateway-page',
        pattern: /<hr><center>Microsoft-Azure-Application-Gateway\/v\d<\/center>/,
        wroteError: true,
      },
    ],
  },
  {
    id: 'app-engine',
    vendor: 'Google App Engine',
    kind: 'platform',
    depth: 30,
    absorbs: ['google-front-end'],
    signatures: [
      { id: 'app-engine-host', in: 'url', pattern: /\.appspot\.com$/ },
      { id: 'app-engine-page', pattern: /code\.google\.com\/appengine\// },
    ],
  },
  {
    id: 'cloud-run',
    vendor: 'Google Cloud Run',
    kind: 'platform',
    depth: 30,
    absorbs: ['google-front-end', 'envoy'],
    signatures: [
      { id: 'cloud-run-host', in: 'url', pattern: /\.run\.app$/ },
      {
        id: 'cloud-run-malformed',
        pattern:
          /^The request failed because either the HTTP response was malformed or connection to the instance had an error\./,
        wroteError: true,
      },
    ],
  },
  {
    id: 'azure-app-service',
    vendor: 'Azure App Service',
    kind: 'platform',
    depth: 30,
    absorbs: ['iis'],
    signatures: [{ id: 'azure-app-service-host', in: 'url', pattern: /\.azurewebsites\.net$/ }],
  },
  {
    id: 'vercel',
    vendor: 'Vercel',
    kind: 'platform',
    depth: 30,
    signatures: [
      { id: 'vercel-server', header: 'server', pattern: /^Vercel$/i },
      { id: 'vercel-id', header: 'x-vercel-id', pattern: /^[a-z]{3}\d*::/ },
      { id: 'vercel-error', header: 'x-vercel-error', pattern: /^[A-Z_]{5,60}$/, wroteError: true },
      { id: 'vercel-function-timeout', header: 'x-vercel-error', pattern: /^FUNCTION_INVOCATION_TIMEOUT$/ },
      { id: 'vercel-function-failed', header: 'x-vercel-error', pattern: /^FUNCTION_INVOCATION_FAILED$/ },
      { id: 'vercel-no-response', header: 'x-vercel-error', pattern: /^NO_RESPONSE_FROM_FUNCTION$/ },
      {
        id: 'vercel-dns-not-found',
        header: 'x-vercel-error',
        pattern: /^DNS_HOSTNAME_(?:NOT_FOUND|RESOLVED_PRIVATE)$/,
      },
      { id: 'vercel-error-page', pattern: /Code: (?:<code>)?[A-Z_]{5,60}\b/, wroteError: true },
    ],
  },
  {
    id: 'vercel-edge',
    vendor: 'Vercel Edge Functions',
    kind: 'edge-code',
    depth: 32,
    signatures: [
      {
        id: 'vercel-edge-error',
        header: 'x-vercel-error',
        pattern: /^(?:EDGE_FUNCTION|MIDDLEWARE)_INVOCATION_(?:FAILED|TIMEOUT)$/,
        wroteError: true,
      },
    ],
  },
  {
    id: 'netlify',
    vendor: 'Netlify',
    kind: 'platform',
    depth: 30,
    signatures: [
      { id: 'netlify-server', header: 'server', pattern: /^Netlify$/i },
      { id: 'netlify-request-id', header: 'x-nf-request-id', pattern: /^[\w-]{10,64}$/ },
    ],
  },
  {
    id: 'heroku',
    vendor: 'Heroku',
    kind: 'platform',
    depth: 30,
    // Heroku's router answered with Cowboy's name before it had its own.
    absorbs: ['generic:cowboy'],
    signatures: [
      { id: 'heroku-server', header: 'server', pattern: /^heroku$/i },
      { id: 'heroku-via', header: 'via', pattern: /^1\.1 (?:heroku-router|vegur)$/ },
      { id: 'heroku-error-page', pattern: /herokucdn\.com\/error-pages\/[a-z-]{1,40}\.html/, wroteError: true },
      { id: 'heroku-application-error', pattern: /herokucdn\.com\/error-pages\/application-error\.html/ },
      { id: 'heroku-maintenance', pattern: /herokucdn\.com\/error-pages\/maintenance\.html/ },
    ],
  },
  {
    id: 'fly',
    vendor: 'Fly.io',
    kind: 'platform',
    depth: 30,
    signatures: [
      { id: 'fly-server', header: 'server', pattern: /^Fly\/[0-9a-f]{6,12}\b/ },
      { id: 'fly-via', header: 'via', pattern: /^2 fly\.io$/ },
      { id: 'fly-request-id', header: 'fly-request-id', pattern: /^[0-9A-Z]{26}-[a-z]{3}$/ },
    ],
  },
  {
    id: 'render',
    vendor: 'Render',
    kind: 'platform',
    depth: 30,
    signatures: [
      { id: 'render-origin-server', header: 'x-render-origin-server', pattern: /^Render$/ },
      { id: 'render-id', header: 'rndr-id', pattern: /^[0-9a-f-]{36}$/ },
    ],
  },
  {
    id: 'railway',
    vendor: 'Railway',
    kind: 'platform',
    depth: 30,
    signatures: [
      { id: 'railway-server', header: 'server', pattern: /^railway-edge$/ },
      { id: 'railway-edge', header: 'x-railway-edge', pattern: /^railway\/[\w-]{1,40}$/ },
      { id: 'railway-request-id', header: 'x-railway-request-id', pattern: /^[\w-]{10,64}$/ },
      { id: 'railway-fallback', header: 'x-railway-fallback', pattern: /^true$/, wroteError: true },
      { id: 'railway-no-answer', pattern: /"message":\s?"Application failed to respond"/ },
    ],
  },
  {
    id: 'github',
    vendor: 'GitHub',
    kind: 'platform',
    depth: 30,
    signatures: [
      { id: 'github-server', header: 'server', pattern: /^GitHub\.com$/ },
      { id: 'github-request-id', header: 'x-github-request-id', pattern: /^[0-9A-F]{1,8}(?::[0-9A-F]{1,12}){4}$/ },
      {
        id: 'github-no-server',
        pattern: /No server is currently available to service your request\./,
        wroteError: true,
      },
    ],
  },
];
