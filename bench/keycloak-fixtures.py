#!/usr/bin/env python3
"""Keycloak's side of bench/versus-keycloak.sh, through its admin REST API: a realm "bench" (access tokens
valid for an hour, so none expires during the run), a public client "bench" allowed the password grant,
and one user with a verified email, a name (so no profile step is required) and a password. Then <count>
password grants with scope openid, whose tokens it writes for wrk: the first access token to <out>/access,
the refresh tokens one per line to <out>/refresh.
Usage: keycloak-fixtures.py <base URL> <admin password> <email> <password> <count> <out>"""
import json
import sys
import urllib.parse
import urllib.request

base, admin_password, email, password, count, out = sys.argv[1:7]


def call(method, path, body=None, token=None, form=False):
    headers = {'Authorization': 'Bearer ' + token} if token else {}
    data = None
    if body is not None:
        data = urllib.parse.urlencode(body).encode() if form else json.dumps(body).encode()
        headers['Content-Type'] = 'application/x-www-form-urlencoded' if form else 'application/json'
    with urllib.request.urlopen(urllib.request.Request(base + path, data, headers, method=method)) as response:
        text = response.read()
        return json.loads(text) if text else None


def token_grant(realm, grant):
    return call('POST', f'/realms/{realm}/protocol/openid-connect/token', grant, form=True)


admin = token_grant('master', {'grant_type': 'password', 'client_id': 'admin-cli', 'username': 'admin',
                               'password': admin_password})['access_token']
call('POST', '/admin/realms', {'realm': 'bench', 'enabled': True, 'accessTokenLifespan': 3600,
                               'ssoSessionIdleTimeout': 36000, 'ssoSessionMaxLifespan': 36000}, admin)
call('POST', '/admin/realms/bench/clients', {'clientId': 'bench', 'publicClient': True,
                                             'directAccessGrantsEnabled': True, 'standardFlowEnabled': False}, admin)
call('POST', '/admin/realms/bench/users', {
    'username': email, 'email': email, 'emailVerified': True, 'enabled': True, 'firstName': 'Bench',
    'lastName': 'User', 'credentials': [{'type': 'password', 'value': password, 'temporary': False}]}, admin)
grant = {'grant_type': 'password', 'client_id': 'bench', 'username': email, 'password': password, 'scope': 'openid'}
tokens = [token_grant('bench', grant) for _ in range(int(count))]
with open(out + '/access', 'w') as access:
    access.write(tokens[0]['access_token'])
with open(out + '/refresh', 'w') as refresh:
    refresh.write(''.join(t['refresh_token'] + '\n' for t in tokens))
