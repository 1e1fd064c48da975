// The esbuild settings of every Lambda bundle (ESM, minified, Node 22), shared by the build and the
// benchmarks so that what is measured is what is deployed.
export const lambdaBundleOptions = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  legalComments: 'none',
  logLevel: 'error',
  // CommonJS dependencies inside an ES module bundle still call require().
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
};
