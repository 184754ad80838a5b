// Gets one certificate from Vantage with node's acme-client, the way a Node service would.
// Driven by NodeAcmeClientTest.java; trust comes from NODE_EXTRA_CA_CERTS (Vantage's trust file).
//   DIRECTORY   the ACME directory URL
//   MANAGEMENT  the management API base URL (dns-01 publishes its TXT record there)
//   DOMAIN      the name to certify
//   CHALLENGE   http-01 or dns-01
//   HTTP_PORT   where http-01 validation connects (this script answers there)
// Prints the certificate chain (PEM) on stdout.
'use strict';
const acme = require('acme-client');
const http = require('http');
const https = require('https');

const { DIRECTORY, MANAGEMENT, DOMAIN, CHALLENGE, HTTP_PORT } = process.env;

function post(path, body) {
  return new Promise((resolve, reject) => {
    const request = https.request(new URL(path, MANAGEMENT), { method: 'POST' }, (response) => {
      response.resume();
      response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`${path}: ${response.statusCode}`))));
    });
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

async function main() {
  const tokens = new Map();
  const responder = http.createServer((req, res) => {
    const token = req.url.replace('/.well-known/acme-challenge/', '');
    res.writeHead(tokens.has(token) ? 200 : 404).end(tokens.get(token) || '');
  });
  if (CHALLENGE === 'http-01') {
    await new Promise((resolve) => responder.listen(Number(HTTP_PORT), '127.0.0.1', resolve));
  }
  try {
    const client = new acme.Client({ directoryUrl: DIRECTORY, accountKey: await acme.crypto.createPrivateKey() });
    const [, csr] = await acme.crypto.createCsr({ altNames: [DOMAIN] });
    const txtHost = `_acme-challenge.${DOMAIN}.`;
    const cert = await client.auto({
      csr,
      email: 'node@example.test',
      termsOfServiceAgreed: true,
      challengePriority: [CHALLENGE],
      skipChallengeVerification: true, // its own pre-check would ask the system resolver, not Vantage's DNS
      challengeCreateFn: async (authz, challenge, keyAuthorization) => {
        if (challenge.type === 'dns-01') {
          await post('/set-txt', { host: txtHost, value: keyAuthorization });
        } else {
          tokens.set(challenge.token, keyAuthorization);
        }
      },
      challengeRemoveFn: async (authz, challenge) => {
        if (challenge.type === 'dns-01') {
          await post('/clear-txt', { host: txtHost });
        } else {
          tokens.delete(challenge.token);
        }
      },
    });
    process.stdout.write(cert);
  } finally {
    responder.close();
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
