import { readdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/** Each platform builds into its own folder, so a weapp build never overwrites the H5 files the server serves. */
const outputRootOf: Record<string, string> = { weapp: 'dist/weapp', h5: 'dist/h5' };

/**
 * The zod-free domain files the app imports values from (labels, masking). Taro compiles only `src` unless told;
 * everything else from the domain is imported as types only and never reaches the bundle.
 */
const sharedDomain = path.resolve(__dirname, '../../functions/src/domain');

/**
 * npm nests @tarojs/plugin-framework-react under miniapp/node_modules (its optional peer vite ^4 clashes with the
 * root's vite), where @tarojs/taro-h5 at the root cannot find it. Point every import of it at the one installed.
 */
const frameworkReact = path.dirname(
  require.resolve('@tarojs/plugin-framework-react/package.json', { paths: [path.resolve(__dirname, '..')] }),
);

/** Every page's index.config.ts, below `dir`. */
function listPageConfigs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listPageConfigs(full);
    return entry.name === 'index.config.ts' ? [full] : [];
  });
}

/**
 * The domain files are written for Node's module resolution, importing each other as `./visit-rules.js`: let webpack
 * find the `.ts` behind such a name (r3-assessment.ts imports visit-rules.ts at run time).
 */
function resolveTsBehindJs(chain: { resolve: { set: (key: string, value: unknown) => unknown } }): void {
  chain.resolve.set('extensionAlias', { '.js': ['.ts', '.js'] });
}

export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV ?? 'weapp';
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'shouhu-miniapp',
    date: '2026-11-23',
    // Styles are written in CSS pixels of a 375-wide phone; Taro turns them into rpx (weapp) and rem (H5).
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: outputRootOf[platform] ?? `dist/${platform}`,
    plugins: [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      enable: true,
      // The H5 app entry inlines each page's config, but webpack's cache does not know that: without this a changed
      // page config (title, navigationStyle) was silently ignored by the next build.
      buildDependencies: { pageConfigs: listPageConfigs(path.resolve(__dirname, '../src')) },
    },
    mini: {
      compile: { include: [sharedDomain] },
      webpackChain: resolveTsBehindJs,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile: { include: [sharedDomain] },
      publicPath: '/',
      staticDirectory: 'static',
      // Deep links must work when the local server only knows `/`: the route lives in the hash.
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      webpackChain(chain) {
        resolveTsBehindJs(chain);
        chain.resolve.alias.set('@tarojs/plugin-framework-react', frameworkReact);
        // Each page is a lazy chunk; without this every page carried its own copy of the components and the client.
        chain.optimization.merge({
          splitChunks: {
            cacheGroups: {
              pagesCommon: { name: 'pages-common', chunks: 'async', minChunks: 2, minSize: 0, priority: 5 },
            },
          },
        });
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
