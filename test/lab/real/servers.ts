/**
 * Each real server started in the foreground as an ordinary process, with config files of its
 * own written into the workspace, listening on 127.0.0.1 at a port chosen free at start.
 * The functions take the part of the config that makes the failure (a server block, a VCL,
 * a Caddyfile site) and wrap it in what the server needs to run outside its system service.
 */
import { copyFileSync } from 'node:fs';
import type { Workspace } from './workspace';

export interface Running {
  /** The port it listens on, on 127.0.0.1. */
  port: number;
}

const isRoot = process.getuid?.() === 0;

/**
 * nginx (`-g 'daemon off;'`, one worker). `site` is the inside of a `server {}` block, with
 * `{{port}}` for the port it listens on; `extra` goes into `http {}` (upstreams, maps).
 */
export async function nginx(ws: Workspace, name: string, site: string, extra = ''): Promise<Running> {
  const port = await ws.port();
  const root = ws.mkdir(`${name}`);
  const temp = ws.mkdir(`${name}/temp`, true);
  const conf = ws.write(
    `${name}/nginx.conf`,
    `worker_processes 1;
pid ${root}/nginx.pid;
error_log stderr warn;
events { worker_connections 64; }
http {
  access_log off;
  default_type application/octet-stream;
  types { text/html html; text/plain txt; }
  client_body_temp_path ${temp}/body;
  proxy_temp_path ${temp}/proxy;
  fastcgi_temp_path ${temp}/fastcgi;
  uwsgi_temp_path ${temp}/uwsgi;
  scgi_temp_path ${temp}/scgi;
  ${extra}
  server {
    listen 127.0.0.1:${port};
    server_name _;
    ${site.replaceAll('{{port}}', String(port))}
  }
}
`,
  );
  const started = ws.spawn(name, '/usr/sbin/nginx', ['-p', `${root}/`, '-c', conf, '-g', 'daemon off;']);
  await ws.waitForPort(started, port);
  return { port };
}

/**
 * Apache httpd (event MPM, `-D FOREGROUND`). `modules` are loaded besides the basic ones;
 * `site` goes into the `<VirtualHost>` for the port.
 */
export async function apache(ws: Workspace, name: string, modules: string[], site: string): Promise<Running> {
  const port = await ws.port();
  const root = ws.mkdir(name);
  const run = ws.mkdir(`${name}/run`, true);
  const base = ['mpm_event', 'authz_core', 'mime', 'alias'];
  const load = [...new Set([...base, ...modules])]
    .map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`)
    .join('\n');
  const conf = ws.write(
    `${name}/apache2.conf`,
    `ServerRoot ${root}
${load}
${isRoot ? 'User nobody\nGroup nogroup\n' : ''}ServerName localhost
# As Debian's own conf-available/security.conf has them.
ServerTokens OS
ServerSignature On
PidFile ${run}/httpd.pid
DefaultRuntimeDir ${run}
Mutex file:${run} default
ErrorLog /dev/stderr
LogLevel warn
Listen 127.0.0.1:${port}
StartServers 1
ServerLimit 1
ThreadsPerChild 8
MaxRequestWorkers 8
MinSpareThreads 1
MaxSpareThreads 8
TypesConfig /etc/mime.types
<VirtualHost 127.0.0.1:${port}>
  ${site.replaceAll('{{port}}', String(port))}
</VirtualHost>
`,
  );
  const started = ws.spawn(name, '/usr/sbin/apache2', ['-f', conf, '-D', 'FOREGROUND'], {
    env: { ...process.env, APACHE_RUN_DIR: run, APACHE_LOCK_DIR: run, APACHE_PID_FILE: `${run}/httpd.pid` },
  });
  await ws.waitForPort(started, port);
  return { port };
}

/** HAProxy (`-db`, foreground). `sections` are its frontends/backends, `{{port}}` the listening port. */
export async function haproxy(ws: Workspace, name: string, sections: string, defaults = ''): Promise<Running> {
  const port = await ws.port();
  const conf = ws.write(
    `${name}/haproxy.cfg`,
    `global
  log stderr format short local0 warning
defaults
  mode http
  log global
  timeout connect 2s
  timeout client 10s
  timeout server 10s
  ${defaults}
${sections.replaceAll('{{port}}', String(port))}
`,
  );
  const started = ws.spawn(name, '/usr/sbin/haproxy', ['-db', '-f', conf]);
  await ws.waitForPort(started, port);
  return { port };
}

/**
 * Varnish (`-F`, foreground), its working directory in the workspace, VCL of the set-up's own.
 * `params` are `-p name=value` run-time parameters (timeouts).
 */
export async function varnish(ws: Workspace, name: string, vcl: string, params: string[] = []): Promise<Running> {
  const port = await ws.port();
  const work = ws.mkdir(`${name}/work`, true);
  const file = ws.write(`${name}/default.vcl`, vcl);
  const started = ws.spawn(name, '/usr/sbin/varnishd', [
    '-F',
    '-n',
    work,
    '-a',
    `127.0.0.1:${port}`,
    '-T',
    'none',
    '-f',
    file,
    '-s',
    'malloc,16m',
    '-p',
    'thread_pool_min=5',
    '-p',
    'thread_pools=1',
    ...params.flatMap((p) => ['-p', p]),
  ]);
  await ws.waitForPort(started, port, 60_000);
  return { port };
}

/** Caddy (`caddy run`), admin endpoint off, no automatic HTTPS, its data and config dirs in the workspace. */
export async function caddy(ws: Workspace, name: string, site: string): Promise<Running> {
  const port = await ws.port();
  const home = ws.mkdir(`${name}/home`);
  const file = ws.write(
    `${name}/Caddyfile`,
    `{
  admin off
  auto_https off
}
http://:${port} {
  bind 127.0.0.1
  ${site.replaceAll('{{port}}', String(port))}
}
`,
  );
  const started = ws.spawn(name, '/usr/bin/caddy', ['run', '--config', file, '--adapter', 'caddyfile'], {
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: `${home}/config`, XDG_DATA_HOME: `${home}/data` },
  });
  await ws.waitForPort(started, port);
  return { port };
}

/** lighttpd (`-D`, foreground). `modules` are loaded; `site` is the rest of the config. */
export async function lighttpd(ws: Workspace, name: string, modules: string[], site: string): Promise<Running> {
  const port = await ws.port();
  const root = ws.mkdir(`${name}/htdocs`);
  const conf = ws.write(
    `${name}/lighttpd.conf`,
    `server.modules = ( ${modules.map((m) => `"${m}"`).join(', ')} )
server.document-root = "${root}"
server.bind = "127.0.0.1"
server.port = ${port}
server.max-worker = 0
${isRoot ? 'server.username = "nobody"\nserver.groupname = "nogroup"\n' : ''}${site.replaceAll('{{port}}', String(port))}
`,
  );
  const started = ws.spawn(name, '/usr/sbin/lighttpd', ['-D', '-f', conf]);
  await ws.waitForPort(started, port);
  return { port };
}

/**
 * Squid (`-N`, no daemon, no disk cache). `rules` are its http_port/access/peer lines
 * (`{{port}}` = its port); `dns` the name server it asks; `hosts` its own hosts file.
 */
export async function squid(
  ws: Workspace,
  name: string,
  rules: string,
  options: { dns?: string; hosts?: string } = {},
): Promise<Running> {
  const port = await ws.port();
  const dir = ws.mkdir(name, true);
  const hosts = ws.write(`${name}/hosts`, `127.0.0.1 localhost\n${options.hosts ?? ''}`);
  const conf = ws.write(
    `${name}/squid.conf`,
    `${rules.replaceAll('{{port}}', String(port))}
visible_hostname proxy.lab.test
pid_filename ${dir}/squid.pid
cache_log stdio:/dev/stderr
access_log none
cache_store_log none
netdb_filename none
coredump_dir ${dir}
cache deny all
cache_mem 8 MB
shutdown_lifetime 0 seconds
pinger_enable off
hosts_file ${hosts}
${options.dns ? `dns_nameservers ${options.dns}\ndns_timeout 5 seconds\n` : ''}${isRoot ? 'cache_effective_user proxy\n' : ''}`,
  );
  const started = ws.spawn(name, '/usr/sbin/squid', ['-N', '-f', conf]);
  await ws.waitForPort(started, port, 30_000);
  return { port };
}

/**
 * Tomcat 10 with a minimal CATALINA_BASE: one HTTP connector, no shutdown port, the ROOT web
 * app made of `files` (JSPs). Runs `java … Bootstrap start` directly (no catalina.sh, no pid file).
 */
export async function tomcat(ws: Workspace, name: string, files: Record<string, string>): Promise<Running> {
  const port = await ws.port();
  const base = ws.mkdir(`${name}/base`, true);
  for (const dir of ['logs', 'temp', 'work', 'webapps/ROOT']) ws.mkdir(`${name}/base/${dir}`, true);
  ws.write(
    `${name}/base/conf/server.xml`,
    `<?xml version="1.0" encoding="UTF-8"?>
<Server port="-1" shutdown="SHUTDOWN">
  <Service name="Catalina">
    <Connector port="${port}" address="127.0.0.1" protocol="HTTP/1.1" connectionTimeout="5000" />
    <Engine name="Catalina" defaultHost="localhost">
      <Host name="localhost" appBase="webapps" unpackWARs="false" autoDeploy="false" />
    </Engine>
  </Service>
</Server>
`,
  );
  // The default servlets (static files, JSP) are declared in Tomcat's global web.xml.
  copyFileSync('/usr/share/tomcat10/etc/web.xml', `${base}/conf/web.xml`);
  for (const [file, content] of Object.entries(files)) ws.write(`${name}/base/webapps/ROOT/${file}`, content);
  const home = '/usr/share/tomcat10';
  const started = ws.spawn(
    name,
    'java',
    [
      '-XX:-UsePerfData',
      '-XX:TieredStopAtLevel=1',
      '-Xshare:auto',
      '-Xmx128m',
      `-Djava.io.tmpdir=${base}/temp`,
      `-Dcatalina.home=${home}`,
      `-Dcatalina.base=${base}`,
      '-classpath',
      `${home}/bin/bootstrap.jar:${home}/bin/tomcat-juli.jar`,
      'org.apache.catalina.startup.Bootstrap',
      'start',
    ],
    { cwd: base },
  );
  await ws.waitForPort(started, port, 60_000);
  return { port };
}
