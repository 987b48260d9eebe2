/**
 * Where a production build of the add-in is served from, and manifest.xml rewritten to point there.
 *
 *   npm run build -- --env url=https://host/path/     (or SELFEVAL_URL=https://host/path/ npm run build)
 *
 * manifest.xml in the repository names the dev server (https://localhost:3000) everywhere; the
 * build's copy, dist-web/manifest.xml, names the given address instead. Used by webpack.config.js;
 * tested by test/deploy-url.test.ts.
 */
const DEV_ORIGIN = 'https://localhost:3000';

/** The deployment URL from `--env url=…` or SELFEVAL_URL, checked and ending in '/'; null when neither is set. */
function deployUrl(env = {}, environ = process.env) {
  const raw = (typeof env.url === 'string' && env.url) || environ.SELFEVAL_URL || '';
  if (!raw.trim()) return null;
  let u;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new Error(
      `[selfeval] the deployment URL "${raw}" is not an absolute URL (e.g. https://intranet.example/selfeval/)`,
    );
  }
  if (u.protocol !== 'https:') {
    throw new Error(`[selfeval] the deployment URL must use https (Office loads add-ins only over HTTPS): ${raw}`);
  }
  if (u.search || u.hash || u.username || u.password) {
    throw new Error(`[selfeval] the deployment URL must not carry a query, fragment or credentials: ${raw}`);
  }
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return u.toString();
}

const escapeXml = (s) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]);

/**
 * manifest.xml with every dev-server address replaced: URLs under https://localhost:3000/ move
 * under `url`, the bare origin (AppDomain) becomes `url`'s origin. Throws if any localhost is left.
 */
function rewriteManifest(xml, url) {
  const origin = new URL(url).origin;
  const out = xml
    .replace(
      /This copy is for development:[\s\S]*?instead\./,
      `Built for ${url.replace(/--/g, '-%2D')} (a production build given a deployment URL): every URL points there.`,
    )
    .split(`${DEV_ORIGIN}/`)
    .join(escapeXml(url))
    .split(`>${DEV_ORIGIN}<`)
    .join(`>${escapeXml(origin)}<`);
  // Comments may mention the dev server; addresses may not.
  const left = out.replace(/<!--[\s\S]*?-->/g, '').match(/[^\s"<>]*localhost[^\s"<>]*/);
  if (left) throw new Error(`[selfeval] manifest.xml still names ${left[0]} after the rewrite to ${url}`);
  return out;
}

module.exports = { DEV_ORIGIN, deployUrl, rewriteManifest };
