// npm start: one development build, served twice — over https on 3000 for Office (with
// office-addin-dev-certs certificates) and over plain http on 3001 for the preview page, which
// then opens in any browser without a certificate step. Rebuilds on change.
import { createServer as createHttps } from 'node:https';
import { createServer as createHttp } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const webpack = require('webpack');
const devMiddleware = require('webpack-dev-middleware');
const config = require('../webpack.config.js')({}, { mode: 'development' });
const certs = require('office-addin-dev-certs');
const defaults = require('office-addin-dev-certs/lib/defaults');

const HTTPS_PORT = Number(process.env.HTTPS_PORT || 3000);
const PREVIEW_PORT = Number(process.env.PREVIEW_PORT || 3001);

async function httpsOptions() {
  try {
    return await certs.getHttpsServerOptions();
  } catch (error) {
    // Installing the CA needs sudo (Linux) or a prompt (Windows, Mac); without it the
    // certificates still work once the browser or system trusts the CA by hand.
    if (!existsSync(defaults.localhostCertificatePath)) await certs.generateCertificates();
    console.warn(
      `\nCould not install the development CA into the system store (${error instanceof Error ? error.message.split('\n')[0] : error}).`,
    );
    console.warn(
      `Trust ${defaults.caCertificatePath} by hand to load https://localhost:${HTTPS_PORT} in Office:`,
    );
    console.warn(
      '  Linux:   sudo cp <ca.crt> /usr/local/share/ca-certificates/office-addin-dev-ca.crt && sudo update-ca-certificates',
    );
    console.warn('  Windows: certutil -addstore -user Root <ca.crt>');
    console.warn(
      '  Mac:     sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain <ca.crt>\n',
    );
    return {
      ca: readFileSync(defaults.caCertificatePath),
      cert: readFileSync(defaults.localhostCertificatePath),
      key: readFileSync(defaults.localhostKeyPath),
    };
  }
}

const compiler = webpack(config);
const middleware = devMiddleware(compiler, { stats: 'errors-warnings' });

function handler(defaultPage) {
  return (req, res) => {
    if (req.url === '/' || req.url === '') {
      res.writeHead(302, { Location: `/${defaultPage}` });
      res.end();
      return;
    }
    middleware(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  };
}

const options = await httpsOptions();
createHttps(options, handler('taskpane.html')).listen(HTTPS_PORT, () => {
  console.log(`Add-in (for Office):        https://localhost:${HTTPS_PORT}/taskpane.html`);
});
createHttp(handler('preview.html')).listen(PREVIEW_PORT, () => {
  console.log(`Preview (no Excel needed):  http://localhost:${PREVIEW_PORT}/preview.html`);
  console.log(`
Sideload manifest.xml (see README, "Sideloading"):
  Excel on the web:  Home > Add-ins > More add-ins > My add-ins > Upload my add-in > manifest.xml
  Windows / Mac:     npx office-addin-debugging start ${join('.', 'manifest.xml')} desktop
                     (or copy manifest.xml to the shared-folder catalog / ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef)
`);
});
middleware.waitUntilValid(() => console.log('Build ready; watching for changes.'));
