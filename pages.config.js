// The pages the build produces, shared by webpack.config.js and the manifest checks so the
// list of URLs the manifest may name is written down once.
module.exports = {
  pages: [
    {
      file: 'taskpane.html',
      template: 'src/taskpane/taskpane.html',
      entry: 'taskpane',
      source: './src/taskpane/index.tsx',
    },
    {
      file: 'commands.html',
      template: 'src/commands/commands.html',
      entry: 'commands',
      source: './src/commands/commands.ts',
    },
    {
      file: 'message.html',
      template: 'src/commands/message.html',
      entry: 'message',
      source: './src/commands/message.ts',
    },
    {
      file: 'preview.html',
      template: 'src/preview/preview.html',
      entry: 'preview',
      source: './src/preview/index.tsx',
    },
    { file: 'help.html', template: 'src/help/help.html', entry: null, source: null },
  ],
  staticFolders: ['assets'],
  devUrl: 'https://localhost:3000/',
};
