import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticSite } from '../../functions/src/local/static-site.js';
import { REPO_PATHS } from '../../infra/lib/repo-paths.js';
import { loadCloudFrontFunction, type ViewerRequest } from './support/cloudfront-function.js';
import { createH5BuildFixture, type H5BuildFixture } from './support/h5-build-fixture.js';

const viewerRequest = (uri: string): ViewerRequest => ({
  method: 'GET',
  uri,
  querystring: { from: { value: 'share' } },
  headers: { accept: { value: 'text/html' } },
});

describe('the H5 page rewrite (CloudFront Function, viewer request)', () => {
  const pageRewrite = loadCloudFrontFunction(REPO_PATHS.h5PageRewriteFunction);
  const rewrite = (request: ViewerRequest) => pageRewrite({ viewer: { ip: '198.51.100.10' }, request });
  const rewrittenUri = (uri: string) => rewrite(viewerRequest(uri)).uri;

  it.each(['/', '/pages/home/index', '/pages/concern/report/', '/pages/child/detail'])('sends the page path %s to /index.html', (uri) => {
    expect(rewrittenUri(uri)).toBe('/index.html');
  });

  it.each(['/js/app.1234abcd.js', '/css/app.5e1f2a3b.css', '/static/images/logo.png', '/favicon.ico', '/index.html'])(
    'leaves the file path %s as it is, so a missing file stays a 404',
    (uri) => {
      expect(rewrittenUri(uri)).toBe(uri);
    },
  );

  it('changes nothing but the path', () => {
    const request = rewrite(viewerRequest('/pages/home/index'));

    expect(request).toEqual({ ...viewerRequest('/pages/home/index'), uri: '/index.html' });
  });

  describe('against the local server on the same build', () => {
    let build: H5BuildFixture;
    beforeAll(() => {
      build = createH5BuildFixture();
    });
    afterAll(() => build?.cleanUp());

    it('gives index.html for exactly the paths the local server answers with index.html', async () => {
      const site = createStaticSite(build.dir);
      const paths = [
        '/',
        '/index.html',
        '/pages/home/index',
        '/pages/concern/report/',
        '/js/app.0c9d8e7f.js',
        '/js/gone.0c9d8e7f.js',
        '/css/app.5e1f2a3b.css',
        '/static/images/logo.png',
        '/favicon.ico',
      ];
      const servedIndexLocally = await Promise.all(
        paths.map(async (path) => {
          const response = await site.request(path);
          return response.status === 200 && (await response.text()) === build.indexHtml;
        }),
      );

      expect(paths.map((path) => rewrittenUri(path) === '/index.html')).toEqual(servedIndexLocally);
      expect(servedIndexLocally).toContain(true);
      expect(servedIndexLocally).toContain(false);
    });
  });
});
