/**
 * Addresses that carry secrets, by class, each with the secrets that must not survive
 * redaction; and ordinary addresses that must survive it unchanged, so that support can still
 * read them. Shapes come from real services' documentation (signed URLs, OAuth, webhooks,
 * session ids), with made-up values.
 */

export interface SecretUrl {
  url: string;
  /** Substrings that must not be found anywhere after redaction. */
  secrets: string[];
}

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFsaWNlIn0.Zk4sX2dQm1nY7pLwVt0bR5cH8eJ3aKq9Uo6iSx2yFgE';
const JWT_TAIL = 'Zk4sX2dQm1nY7pLwVt0bR5cH8eJ3aKq9Uo6iSx2yFgE';
const R22 = 'ofznCIFBcUykKHyYmqc6VO';
const R24 = 'FHsWCYmtbaZPq9GMESSEzvKl';
const R32 = '7w6c1dm25INxitUehTQY3KUeBdSJQIvP';
const R40 = 'AHgkZU13U2QemfhTmyKakm4tJAjprjQXWtToNdNj';
const R43 = 'YjdcinJO216esnSF6T3w8FoeHvK4fU75Q9pfNQfTdsF';
const HEX32 = '073343fdeb20e5930543df30d42d3df9';
const HEX40 = '821cb7ca86c4cbec54e75cc5e59586eb7626c191';
const B64U = 'At8Ec3rXoA-TYQZwyjKe8eGSSRVhwkK2An2R_VF4mE8';
const UUID = 'fcb3b0fc-3f2f-4ed2-9a12-5e1835e34cc7';
const LOWER36 = 'l41tkc99l0etxjhidn1bes4yse';

const enc = encodeURIComponent;

/** Secret-bearing addresses, grouped by the kind of secret. */
export const SECRET_URLS: Readonly<Record<string, readonly SecretUrl[]>> = {
  'query parameter named as a secret': [
    { url: 'https://a.example/p?token=tok-9f8e7d&x=1', secrets: ['tok-9f8e7d'] },
    { url: 'https://a.example/p?access_token=at-55aa66', secrets: ['at-55aa66'] },
    { url: 'https://a.example/p?refresh_token=rt-0c0c0c', secrets: ['rt-0c0c0c'] },
    { url: 'https://a.example/p?api_key=k-12ab34', secrets: ['k-12ab34'] },
    { url: 'https://a.example/p?apikey=k-77cd88', secrets: ['k-77cd88'] },
    { url: 'https://a.example/p?key=k-90ef12', secrets: ['k-90ef12'] },
    { url: 'https://a.example/p?password=hunter2', secrets: ['hunter2'] },
    { url: 'https://a.example/p?passwd=correcthorse', secrets: ['correcthorse'] },
    { url: 'https://a.example/p?pwd=batterystaple', secrets: ['batterystaple'] },
    { url: 'https://a.example/p?client_secret=cs-31337', secrets: ['cs-31337'] },
    { url: 'https://a.example/p?auth=au-4242', secrets: ['au-4242'] },
    { url: 'https://a.example/p?sid=sid-8080', secrets: ['sid-8080'] },
    { url: 'https://a.example/p?otp=482913', secrets: ['482913'] },
    { url: 'https://a.example/p?pin=4321&page=2', secrets: ['4321'] },
    { url: 'https://a.example/p?csrf_token=cs-abcabc', secrets: ['cs-abcabc'] },
    { url: 'https://a.example/p?private_key=pk-1f1f1f', secrets: ['pk-1f1f1f'] },
    { url: 'https://a.example/p?hmac=hm-2e2e2e', secrets: ['hm-2e2e2e'] },
  ],
  'secret names written differently (camelCase, dashes, brackets, encoding)': [
    { url: 'https://a.example/p?accessToken=camel-111', secrets: ['camel-111'] },
    { url: 'https://a.example/p?AccessToken=pascal-222', secrets: ['pascal-222'] },
    { url: 'https://a.example/p?ACCESS_TOKEN=upper-333', secrets: ['upper-333'] },
    { url: 'https://a.example/p?access-token=dash-444', secrets: ['dash-444'] },
    { url: 'https://a.example/p?access.token=dot-555', secrets: ['dot-555'] },
    { url: 'https://a.example/p?user[api_key]=bracket-666', secrets: ['bracket-666'] },
    { url: 'https://a.example/p?user%5Bpassword%5D=bracket-777', secrets: ['bracket-777'] },
    { url: 'https://a.example/p?client%5B%5D%5Bsecret%5D=bracket-888', secrets: ['bracket-888'] },
    { url: 'https://a.example/p?to%6Ben=enc-999', secrets: ['enc-999'] },
    { url: 'https://a.example/p?%2561ccess_token=double-aaa', secrets: ['double-aaa'] },
    { url: 'https://a.example/p?%25252561pi_key=triple-bbb', secrets: ['triple-bbb'] },
    { url: 'https://a.example/p?x-api-key=xkey-ccc', secrets: ['xkey-ccc'] },
    { url: 'https://a.example/p?ＴＯＫＥＮ=fullwidth-ddd', secrets: ['fullwidth-ddd'] },
    { url: 'https://a.example/p?Api+Key=plus-eee', secrets: ['plus-eee'] },
    { url: 'https://a.example/p?page=2;token=semi-fff', secrets: ['semi-fff'] },
  ],
  'OAuth and OpenID Connect': [
    {
      url: 'https://app.example/callback?code=SplxlOBeZQQYbYS6WxSbIA&state=af0ifjsldkj',
      secrets: ['SplxlOBeZQQYbYS6WxSbIA', 'af0ifjsldkj'],
    },
    { url: 'https://app.example/cb?state=xyzzy-state-42&code=c0de-77', secrets: ['xyzzy-state-42', 'c0de-77'] },
    { url: `https://idp.example/token?code_verifier=${B64U}`, secrets: [B64U] },
    {
      url: 'https://idp.example/authorize?code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256',
      secrets: ['E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'],
    },
    { url: `https://app.example/cb?id_token=${JWT}`, secrets: [JWT_TAIL] },
    { url: 'https://idp.example/authorize?nonce=n-0S6_WzA2Mj&response_type=code', secrets: ['n-0S6_WzA2Mj'] },
    { url: `https://app.example/cb#access_token=${R32}&token_type=bearer`, secrets: [R32] },
    { url: 'https://app.example/cb?session_state=ss-7a7a7a.b8b8', secrets: ['ss-7a7a7a.b8b8'] },
    {
      url: 'https://app.example/cb?oauth_verifier=ov-5c5c5c&oauth_token=ot-6d6d6d',
      secrets: ['ov-5c5c5c', 'ot-6d6d6d'],
    },
  ],
  'signed cloud storage and CDN URLs': [
    {
      url: 'https://bucket.s3.amazonaws.com/f.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20261201%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261201T000000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024',
      secrets: ['AKIAIOSFODNN7EXAMPLE', 'fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024'],
    },
    {
      url: 'https://bucket.s3.amazonaws.com/f?X-Amz-Security-Token=FwoGZXIvYXdzEBYaDH7',
      secrets: ['FwoGZXIvYXdzEBYaDH7'],
    },
    {
      url: 'https://storage.googleapis.com/b/o.png?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=svc%40proj.iam.gserviceaccount.com%2F20261201%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20261201T000000Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=8f3c2a1b9e0d',
      secrets: ['svc%40proj', 'svc@proj', '8f3c2a1b9e0d'],
    },
    {
      url: 'https://storage.googleapis.com/b/o?GoogleAccessId=svc@proj.iam.gserviceaccount.com&Expires=1767225600&Signature=BCDEFG%2Bhij%3D',
      secrets: ['svc@proj', 'BCDEFG'],
    },
    {
      url: 'https://d111111abcdef8.cloudfront.net/image.jpg?Expires=1767225600&Signature=nitfHRCrtziwO2HwPfWw~yYDhUF5EwRunQA-j19DzZrvDh6hQ73lDx~-ar3UocvvRQVw6EkC~GdpGQyyOSKQim-TxAnW7d8F5Kkai9HVx0FIu-5jcQb0UEmatEXAMPLE&Key-Pair-Id=K2JCJMDEHXQW5F',
      secrets: ['nitfHRCrtziwO2HwPfWw', 'K2JCJMDEHXQW5F'],
    },
    {
      url: 'https://d1.cloudfront.net/v.mp4?Policy=eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiKiJ9XX0_&Signature=abc~def&Key-Pair-Id=APKAEXAMPLE',
      secrets: ['eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiKiJ9XX0_', 'abc~def', 'APKAEXAMPLE'],
    },
    {
      url: 'https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-12-31T00:00:00Z&sig=2Xy%2BAbcDef%3D',
      secrets: ['2Xy%2BAbcDef', '2Xy+AbcDef'],
    },
    {
      url: 'https://example.r2.cloudflarestorage.com/o?X-Amz-Credential=r2cred-1&X-Amz-Signature=r2sig-2',
      secrets: ['r2cred-1', 'r2sig-2'],
    },
  ],
  'session ids in the query and in matrix parameters': [
    {
      url: 'https://shop.example/cart;jsessionid=1A530637289A03B07199A44E8D531427?item=3',
      secrets: ['1A530637289A03B07199A44E8D531427'],
    },
    { url: 'https://shop.example/app;JSESSIONID=abc123def;other=1/next', secrets: ['abc123def'] },
    {
      url: 'https://forum.example/index.php?PHPSESSID=el4ukv0kqbvoirg7nkp4dncpk3',
      secrets: ['el4ukv0kqbvoirg7nkp4dncpk3'],
    },
    { url: 'https://old.example/default.aspx?ASPSESSIONIDQQGGGNCG=LKJHGFDSAPOI', secrets: ['LKJHGFDSAPOI'] },
    { url: 'https://a.example/p?session=sess-fa11', secrets: ['sess-fa11'] },
    { url: 'https://a.example/p?sessionId=sess-ba22', secrets: ['sess-ba22'] },
    { url: 'https://a.example/p?cookie=sessid%3Dcc33', secrets: ['cc33'] },
  ],
  'SAML, CAS tickets and nonces': [
    {
      url: 'https://sp.example/acs?SAMLResponse=PHNhbWxwOlJlc3BvbnNlIHhtbG5zOnNhbWxwPSJ1cm4',
      secrets: ['PHNhbWxwOlJlc3BvbnNlIHhtbG5zOnNhbWxwPSJ1cm4'],
    },
    {
      url: 'https://idp.example/sso?SAMLRequest=fZJNT8MwDIbvSPyHKveuSTfGFK2TyiaBEB8TGxy4hdRtLTUfi1227',
      secrets: ['fZJNT8MwDIbvSPyHKveuSTfGFK2TyiaBEB8TGxy4hdRtLTUfi1227'],
    },
    { url: 'https://sp.example/acs?RelayState=relay-ab12', secrets: ['relay-ab12'] },
    {
      url: 'https://app.example/login?ticket=ST-1856339-aA5Yuvrxzpv8Tau1cYQ7',
      secrets: ['ST-1856339-aA5Yuvrxzpv8Tau1cYQ7'],
    },
    { url: 'https://app.example/p?nonce=nn-4455', secrets: ['nn-4455'] },
    { url: 'https://app.example/p?SigAlg=rsa-sha256&Signature=sg-6677', secrets: ['sg-6677'] },
  ],
  'JWTs under harmless names': [
    { url: `https://a.example/p?data=${JWT}`, secrets: [JWT_TAIL] },
    { url: `https://a.example/p?t=${JWT}`, secrets: [JWT_TAIL] },
    { url: `https://a.example/p?q=${JWT}&page=2`, secrets: [JWT_TAIL] },
    { url: `https://a.example/p?jwt=${JWT}`, secrets: [JWT_TAIL] },
    { url: `https://a.example/embed/${JWT}`, secrets: [JWT_TAIL] },
    { url: `https://a.example/p?x=${enc(JWT)}`, secrets: [JWT_TAIL] },
    {
      url: 'https://a.example/p?ctx=eyJ1c2VyIjoiYWxpY2UiLCJyb2xlIjoiYWRtaW4ifQ',
      secrets: ['eyJ1c2VyIjoiYWxpY2UiLCJyb2xlIjoiYWRtaW4ifQ'],
    },
  ],
  'e-mail addresses and phone numbers': [
    { url: 'https://a.example/p?email=alice%40example.org', secrets: ['alice'] },
    { url: 'https://a.example/p?user=bob@example.org', secrets: ['bob@'] },
    { url: 'https://a.example/p?to=carol%2Bnews%40mail.example.net', secrets: ['carol'] },
    { url: 'https://a.example/users/dave@example.org/profile', secrets: ['dave'] },
    { url: 'https://a.example/users/erin%40example.org', secrets: ['erin'] },
    { url: 'https://a.example/unsubscribe?u=frank.smith%40corp.example.com&list=7', secrets: ['frank.smith'] },
    { url: 'https://a.example/p?login=grace%2540example.org', secrets: ['grace'] },
    { url: 'https://a.example/p?phone=%2B14155552671', secrets: ['4155552671'] },
    { url: 'https://a.example/p?n=%2B44%207911%20123456', secrets: ['7911'] },
    { url: 'https://a.example/p?contact=(415)%20555-2671', secrets: ['555-2671'] },
    { url: 'https://a.example/call/+4930901820', secrets: ['4930901820'] },
    { url: 'https://a.example/p?mobile=0151-2345678', secrets: ['2345678'] },
    { url: 'https://a.example/p?tel=5552671', secrets: ['5552671'] },
  ],
  'tokens in the path (reset, invite, magic links, webhooks)': [
    { url: `https://a.example/password/reset/${R32}`, secrets: [R32] },
    { url: `https://a.example/reset-password/MTIz/5k1-${HEX32}/`, secrets: [HEX32] },
    { url: `https://a.example/users/password/edit?reset_password_token=${R22}`, secrets: [R22] },
    { url: `https://a.example/invite/${UUID}`, secrets: [UUID] },
    { url: 'https://a.example/invitations/7Hx9KqLm/accept', secrets: ['7Hx9KqLm'] },
    { url: 'https://chat.example/join/AbC12xYz', secrets: ['AbC12xYz'] },
    { url: `https://a.example/auth/magic/${R24}`, secrets: [R24] },
    { url: `https://a.example/login/magic-link/${B64U}`, secrets: [B64U] },
    { url: `https://a.example/verify-email/${UUID}/${HEX40}`, secrets: [UUID, HEX40] },
    { url: `https://a.example/confirm/${LOWER36}`, secrets: [LOWER36] },
    { url: `https://a.example/account/activate/${R22}`, secrets: [R22] },
    { url: `https://a.example/unsubscribe/${UUID}`, secrets: [UUID] },
    { url: `https://hooks.slack.com/services/T0A1B2C3D/B4E5F6G7H/${R24}`, secrets: [R24] },
    { url: `https://discord.com/api/webhooks/1189234567890123456/${R43}`, secrets: ['1189234567890123456', R43] },
    { url: 'https://hooks.zapier.com/hooks/catch/123456/abcd3fg/', secrets: ['abcd3fg'] },
    { url: `https://a.example/webhook/${UUID}`, secrets: [UUID] },
    {
      url: `https://outlook.office.com/webhook/${UUID}@${UUID}/IncomingWebhook/${HEX32}/${UUID}`,
      secrets: [HEX32, UUID],
    },
    { url: `https://a.example/share/${R22}`, secrets: [R22] },
    { url: `https://a.example/s/${R40}`, secrets: [R40] },
    { url: `https://a.example/download/${HEX40}/report.pdf`, secrets: [HEX40] },
    { url: `https://a.example/api/v1/tokens/${R32}/revoke`, secrets: [R32] },
    { url: 'https://a.example/auth/otp/829104', secrets: ['829104'] },
  ],
  'keys and long random values under any name': [
    {
      url: 'https://maps.example/api?k=AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe',
      secrets: ['AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe'],
    },
    { url: 'https://a.example/p?s=sk_live_4eC39HqLyjWDarjtT1zdp7dc', secrets: ['sk_live_4eC39HqLyjWDarjtT1zdp7dc'] },
    {
      url: 'https://a.example/p?gh=ghp_16C7e42F292c6912E7710c838347Ae178B4a',
      secrets: ['ghp_16C7e42F292c6912E7710c838347Ae178B4a'],
    },
    { url: 'https://a.example/p?id=AKIAIOSFODNN7EXAMPLE9', secrets: ['AKIAIOSFODNN7EXAMPLE9'] },
    { url: `https://a.example/p?v=${HEX32}`, secrets: [HEX32] },
    { url: `https://a.example/p?r=${R40}`, secrets: [R40] },
    { url: `https://a.example/p?u=${B64U}`, secrets: [B64U] },
    { url: `https://a.example/p?x=${LOWER36}`, secrets: [LOWER36] },
    { url: `https://a.example/f/${R43}/view`, secrets: [R43] },
    { url: `https://a.example/p?${R32}`, secrets: [R32] },
    {
      url: 'https://a.example/p?xoxb=xoxb-123456789012-1234567890123-4dV9kPqR2sTuW7xYz1AbC3dE',
      secrets: ['4dV9kPqR2sTuW7xYz1AbC3dE'],
    },
  ],
  'URLs inside URLs': [
    { url: `https://a.example/login?next=${enc('https://b.example/cb?token=nested-111')}`, secrets: ['nested-111'] },
    {
      url: `https://a.example/login?redirect_uri=${enc('https://b.example/cb?code=nested-222&state=nested-333')}`,
      secrets: ['nested-222', 'nested-333'],
    },
    {
      url: `https://a.example/l?return_to=${enc(enc('https://b.example/x?access_token=double-444'))}`,
      secrets: ['double-444'],
    },
    { url: `https://a.example/l?continue=${enc(`/reset/${R24}`)}`, secrets: [R24] },
    { url: `https://a.example/l?next=${enc('/account?api_key=rel-555')}`, secrets: ['rel-555'] },
    { url: `https://a.example/l?u=${enc('//cdn.example/f?sig=proto-666')}`, secrets: ['proto-666'] },
    {
      url: `https://a.example/l?url=${enc(`https://b.example/?next=${enc('https://c.example/?token=deep-777')}`)}`,
      secrets: ['deep-777'],
    },
    { url: `https://a.example/l?target=${enc('https://user:pw-888@b.example/')}`, secrets: ['pw-888'] },
    { url: `https://a.example/l?goto=${enc('https://b.example/p#id_token=frag-999')}`, secrets: ['frag-999'] },
  ],
  'credentials and fragments': [
    { url: 'https://alice:s3cr3t-pw@a.example/p', secrets: ['s3cr3t-pw', 'alice'] },
    { url: 'https://apikey-only-111@a.example/p', secrets: ['apikey-only-111'] },
    { url: 'https://a.example/p#access_token=frag-222', secrets: ['frag-222'] },
    { url: 'https://a.example/app#/settings?token=frag-333', secrets: ['frag-333'] },
  ],
};

/** Addresses with nothing secret in them: they must come out exactly as they went in. */
export const ORDINARY_URLS: readonly string[] = [
  'https://shop.example/search?q=shoes',
  'https://shop.example/search?q=red+running+shoes&page=2',
  'https://shop.example/list?page=2',
  'https://blog.example/blog/2026/12/title',
  'https://blog.example/2026/12/01/how-to-fix-502-errors-in-2026/',
  'https://blog.example/How-To-Fix-502-Errors-In-Production',
  'https://news.example/article/12345678',
  'https://shop.example/products/iphone-15-pro-max-256gb?color=blue&size=m',
  'https://a.example/?utm_source=newsletter&utm_medium=email&utm_campaign=winter',
  'https://a.example/report?from=2026-12-01&to=2026-12-31',
  'https://a.example/orders/100234567',
  'https://a.example/orders/fcb3b0fc-3f2f-4ed2-9a12-5e1835e34cc7',
  'https://a.example/search?q=hello%20world&sort=price&order=asc',
  'https://a.example/docs/api/v2/errors',
  'https://a.example/static/main.3f9a8c1b.js',
  'https://a.example/assets/app.a1b2c3d4e5f6.css',
  'https://a.example/wiki/Internationalization',
  'https://a.example/forum/thread?id=42&view=all',
  'https://a.example/search?keyword=boots&author=jane',
  'https://a.example/flights?passengers=2&from=BER&to=LIS',
  'https://a.example/login',
  'https://a.example/reset-password/done',
  'https://a.example/invite/accept',
  'https://a.example/auth/callback/google',
  'https://a.example/api/v1/auth/login',
  'https://a.example/oauth/v2/authorize?response_type=code&client_id=my-app',
  'https://a.example/status?ip=192.168.1.10',
  'https://a.example/tiles/12/2200/1343.png',
  'https://a.example/p?lang=de&locale=de-DE&tz=Europe%2FBerlin',
  'https://a.example/p?next=%2Fdashboard',
  'https://a.example/p?redirect=https%3A%2F%2Fb.example%2Fhome',
  'https://a.example/',
  'http://localhost:3000/api/items?limit=50&offset=100',
  'http://[::1]:8080/health',
  'https://xn--bcher-kva.example/katalog?seite=3',
];
