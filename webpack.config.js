const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DefinePlugin } = require('webpack');
const { pages, devUrl } = require('./pages.config');
const { version } = require('./package.json');

// `npm run build -- --env baseUrl=https://example.org/ledger/` writes dist/manifest.xml for that
// address; without it the manifest keeps the development address.
function manifestFor(baseUrl) {
  const normalized = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  if (!/^https:\/\//.test(normalized)) {
    throw new Error(`baseUrl must start with https:// (got ${baseUrl})`);
  }
  const devOrigin = new URL(devUrl).origin;
  return (content) =>
    content
      .toString()
      // An app domain is an origin, never a path.
      .split(`<AppDomain>${devOrigin}</AppDomain>`)
      .join(`<AppDomain>${new URL(normalized).origin}</AppDomain>`)
      .split(devUrl)
      .join(normalized);
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  const baseUrl = env.baseUrl || devUrl;
  const entries = Object.fromEntries(pages.filter((p) => p.entry).map((p) => [p.entry, p.source]));
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'cheap-module-source-map',
    entry: entries,
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    target: ['web', 'es2020'],
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, compilerOptions: { sourceMap: true } },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new DefinePlugin({ APP_VERSION: JSON.stringify(version) }),
      ...pages.map(
        (p) =>
          new HtmlWebpackPlugin({
            filename: p.file,
            template: p.template,
            chunks: p.entry ? [p.entry] : [],
            inject: p.entry ? 'body' : false,
            scriptLoading: 'defer',
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'src/preview/preview.css', to: 'preview.css' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: manifestFor(baseUrl) },
        ],
      }),
    ],
  };
};
