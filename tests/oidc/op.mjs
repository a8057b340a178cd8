// A real OpenID Provider for Suunta's single sign-on tests (panva/oidc-provider), listening on
// 127.0.0.1 only. tests/accounts/test_oidc.py starts it with:
//   OP_PORT          the port
//   OP_REDIRECT_URI  Suunta's callback address
//   OP_ACCOUNTS      JSON {accountId: {"email": ..., "email_verified": true|false}}
// The development interactions give a plain login form (any password) and a consent form.
import Provider from 'oidc-provider';

const port = Number(process.env.OP_PORT);
const accounts = JSON.parse(process.env.OP_ACCOUNTS || '{}');

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: 'suunta',
    client_secret: 'suunta-test-secret',
    redirect_uris: [process.env.OP_REDIRECT_URI],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  scopes: ['openid', 'email', 'profile'],
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  cookies: { keys: ['suunta-test-only-cookie-key'] },
  async findAccount(ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, name: id, email: account.email, email_verified: account.email_verified };
      },
    };
  },
});
provider.listen(port, '127.0.0.1', () => {
  console.log(`ready ${port}`);
});
