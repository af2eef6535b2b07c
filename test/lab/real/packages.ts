/**
 * The Debian packages the real-server lab runs, how to tell whether each is installed, and the
 * exact command that installs what is missing. The lab never installs anything itself: the
 * caller decides to skip (with that command in the message) or to fail.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export type RealPackage = 'nginx' | 'apache2' | 'haproxy' | 'varnish' | 'squid' | 'caddy' | 'lighttpd' | 'tomcat10';

/** What must exist on disk for the lab to run each package (the binary, plus Tomcat's jars). */
const NEEDS: Record<RealPackage, readonly string[]> = {
  nginx: ['/usr/sbin/nginx'],
  apache2: ['/usr/sbin/apache2', '/usr/lib/apache2/modules/mod_proxy_http.so'],
  haproxy: ['/usr/sbin/haproxy'],
  varnish: ['/usr/sbin/varnishd'],
  squid: ['/usr/sbin/squid', '/usr/share/squid/errors/templates/ERR_DNS_FAIL'],
  caddy: ['/usr/bin/caddy'],
  lighttpd: ['/usr/sbin/lighttpd', '/usr/lib/lighttpd/mod_proxy.so'],
  tomcat10: ['/usr/share/tomcat10/bin/bootstrap.jar', '/usr/share/tomcat10/etc/web.xml', '/usr/bin/java'],
};

export const ALL_PACKAGES = Object.keys(NEEDS) as RealPackage[];

/** The packages of `wanted` that are not installed, in the order given, each once. */
export function missingPackages(wanted: Iterable<RealPackage>): RealPackage[] {
  return [...new Set(wanted)].filter((p) => !NEEDS[p].every((path) => existsSync(path)));
}

/** The command that installs them, as CI runs it. */
export function installCommand(packages: readonly RealPackage[]): string {
  return `apt-get install -y ${packages.join(' ')}`;
}

/** A sentence for a skip or a failure: what is missing and how to install it. */
export function missingMessage(packages: readonly RealPackage[]): string {
  return `Debian package${packages.length === 1 ? '' : 's'} ${packages.join(', ')} not installed. Install with: ${installCommand(packages)} (as root; see test/lab/real/README.md for the policy-rc.d guard that keeps their services from starting)`;
}

/** Throws the message above when any of `wanted` is missing. */
export function requirePackages(wanted: Iterable<RealPackage>): void {
  const missing = missingPackages(wanted);
  if (missing.length > 0) throw new MissingPackagesError(missing);
}

export class MissingPackagesError extends Error {
  constructor(readonly packages: RealPackage[]) {
    super(missingMessage(packages));
  }
}

const versions = new Map<RealPackage, string>();

/**
 * The upstream version of an installed package, as dpkg knows it without the Debian revision
 * (`1.22.1-9+deb12u11` → `1.22.1`).
 */
export function packageVersion(pkg: RealPackage): string {
  let version = versions.get(pkg);
  if (version === undefined) {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax
    const full = execFileSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' }).trim();
    version = full.replace(/^\d+:/, '').replace(/-[^-]*$/, '');
    versions.set(pkg, version);
  }
  return version;
}
