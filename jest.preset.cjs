// One jest setup for every package: @swc/jest strips types fast; tsc checks them separately.
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  // Sources import siblings with a .js suffix (NodeNext); map them back to the .ts files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/)?(@slackops))'],
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  clearMocks: true,
};
