// A real relying party for Gatehouse's end-to-end tests: panva's openid-client (OpenID Certified), configured from
// Gatehouse's discovery document, signing people in with the authorization code flow and PKCE, as an application would.
// Usage: node relying-party.mjs <port> <issuer> <client_id> <client_secret or "-" for a public client> [scope]
// Prints "ready <base url>" once it listens.
//   GET /login     -> 302 to Gatehouse's authorization endpoint (state, nonce and PKCE kept here)
//   GET /callback  -> redeems the code, checks the ID token, calls UserInfo, refreshes once, and answers a JSON
//                     page: {claims, userinfo, refreshed, logout_url}; or {error} when the library refused something
import http from 'node:http';
import * as client from 'openid-client';

const [port, issuer, clientId, clientSecret, scope = 'openid email profile'] = process.argv.slice(2);
const base = `http://127.0.0.1:${port}`;
const options = { execute: [client.allowInsecureRequests] }; // Gatehouse runs on plain http on loopback in tests
const config = await client.discovery(new URL(issuer), clientId, clientSecret === '-' ? undefined : clientSecret,
  clientSecret === '-' ? client.None() : client.ClientSecretBasic(clientSecret), options);
const pending = new Map();

function answer(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><title>rp</title><pre id="result">${JSON.stringify(body).replace(/</g, '\\u003c')}</pre>`);
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, base);
  try {
    if (url.pathname === '/login') {
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      pending.set(state, { verifier, nonce });
      const target = client.buildAuthorizationUrl(config, {
        redirect_uri: `${base}/callback`, scope, state, nonce,
        code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
        ...(url.searchParams.get('login_hint') ? { login_hint: url.searchParams.get('login_hint') } : {}),
      });
      res.writeHead(302, { Location: target.href });
      res.end();
    } else if (url.pathname === '/callback') {
      const flow = pending.get(url.searchParams.get('state'));
      pending.delete(url.searchParams.get('state'));
      const tokens = await client.authorizationCodeGrant(config, url, {
        pkceCodeVerifier: flow?.verifier, expectedState: url.searchParams.get('state'), expectedNonce: flow?.nonce, idTokenExpected: true,
      });
      const claims = tokens.claims();
      const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
      const logoutUrl = client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token, post_logout_redirect_uri: `${base}/bye`, state: 'bye-state' });
      answer(res, 200, {
        claims, userinfo,
        refreshed: { access_token: Boolean(refreshed.access_token), rotated: refreshed.refresh_token !== tokens.refresh_token, sub: refreshed.claims()?.sub },
        logout_url: logoutUrl.href,
      });
    } else if (url.pathname === '/bye') {
      answer(res, 200, { signed_out: true, state: url.searchParams.get('state') });
    } else {
      answer(res, 404, { error: 'not found' });
    }
  } catch (e) {
    answer(res, 200, { error: e.code ?? e.name, message: e.message, cause: e.cause?.error ?? null });
  }
});
server.listen(Number(port), '127.0.0.1', () => console.log(`ready ${base}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
