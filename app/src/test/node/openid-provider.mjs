// A real OpenID provider for Gatehouse's end-to-end tests: panva's oidc-provider (OpenID Certified), on loopback,
// with its development sign-in pages (any login and password) and one registered confidential client.
// Usage: node openid-provider.mjs <port> <client_id> <client_secret> <redirect_uri>
// Prints "ready <issuer>" once it listens. The login typed in is the person's email address and, prefixed with
// "unverified-", an address the provider does not vouch for.
import Provider from 'oidc-provider';

const [port, clientId, clientSecret, redirectUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        const email = id.replace(/^unverified-/, '');
        return { sub: `sub-${id}`, email, email_verified: !id.startsWith('unverified-'), name: `Person ${email.split('@')[0]}` };
      },
    };
  },
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['gatehouse-test-provider-cookie-key'] },
});

const server = provider.listen(Number(port), '127.0.0.1', () => console.log(`ready ${issuer}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
